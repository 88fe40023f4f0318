using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Sales;
using ReverseLogistics.Storage;
using static ReverseLogistics.Grains.Tests.Calls;

namespace ReverseLogistics.Grains.Tests.Sales;

/// <summary>A merchant's sales day: a report replaces its SKUs' figures and moves the units-sold counters by the change.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class SalesDayGrainTests(GrainCluster cluster)
{
    private static readonly DateOnly Day = new(2026, 3, 14);

    [Fact]
    public async Task Reporting_a_sku_again_replaces_its_figure_and_category_and_the_counters_follow()
    {
        var tenantId = NewTenantId();
        var grain = cluster.Grains.SalesDay(tenantId, Day);

        var first = await grain.ReportAsync([new("SKU-1", "apparel", 10), new("SKU-2", "shoes", 4)], Merchant(tenantId), Ticket(tenantId));
        var second = await grain.ReportAsync([new("SKU-1", "outdoor", 7)], Merchant(tenantId), Ticket(tenantId));

        Assert.Equal(new SalesReportResult(Day, 2, 14, 2, 14), first);
        Assert.Equal(new SalesReportResult(Day, 1, 7, 2, 11), second);
        Assert.Equal([("2026-03-14", 11L)], await ReadAsync(tenantId, "units_sold.all.day"));
        Assert.Equal([("2026-03", 11L)], await ReadAsync(tenantId, "units_sold.all.month"));
        Assert.Equal([("2026-03-14|SKU-1", 7L), ("2026-03-14|SKU-2", 4L)], await ReadAsync(tenantId, "units_sold.sku.day"));
        Assert.Equal([("2026-03|apparel", 0L), ("2026-03|outdoor", 7L), ("2026-03|shoes", 4L)], await ReadAsync(tenantId, "units_sold.category.month"));
    }

    [Fact]
    public async Task A_report_listing_a_sku_twice_changes_nothing()
    {
        var tenantId = NewTenantId();
        var grain = cluster.Grains.SalesDay(tenantId, Day);

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() =>
            grain.ReportAsync([new("SKU-1", "apparel", 1), new("SKU-1", "apparel", 2)], Merchant(tenantId), Ticket(tenantId)));

        Assert.Equal("sales[1].sku", Assert.Single(refused.Violations).Field);
        Assert.Empty(await ReadAsync(tenantId, "units_sold.all.day"));
    }

    private async Task<IReadOnlyList<(string, long)>> ReadAsync(string tenantId, string name) =>
        [.. (await cluster.Store.ReadCountersAsync(new CounterQuery(tenantId, name, [new CounterRange("2026", "2027")]), CancellationToken.None))
            .Select(c => (c.Key, c.Value))];
}
