using System.Text.RegularExpressions;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.UnitTests.Storage;

/// <summary>The counters kept out of the across-tenants index are the customers' own, as the domain names them and the migrations write them.</summary>
public sealed class TenantOnlyCountersTests
{
    [Fact]
    public void The_tenant_only_counters_are_the_customer_counters_the_domain_writes() =>
        Assert.Equal([ReturnOutcomes.CustomerReturnsByDay, ReturnOutcomes.CustomerReturnsByCustomer], TenantOnlyCounters.Names);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void The_newest_across_tenants_index_of_each_store_has_the_condition_reads_state(string dialect)
    {
        var newest = Migration.For(dialect).Last(m => m.Sql.Contains("CREATE INDEX ix_counters_across_tenants", StringComparison.Ordinal));

        Assert.Contains($"WHERE {TenantOnlyCounters.Condition};", Regex.Replace(newest.Sql, @"\s+", " "));
    }
}
