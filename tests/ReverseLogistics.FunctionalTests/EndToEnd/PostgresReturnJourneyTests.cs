using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Storage;

namespace ReverseLogistics.FunctionalTests.EndToEnd;

/// <summary>The journey in cluster mode, on a PostgreSQL database of each test's own.</summary>
public sealed class PostgresReturnJourneyTests(PostgresDatabase postgres) : ReturnJourneyTests, IClassFixture<PostgresDatabase>
{
    private string? connectionString;

    protected override string? SkipReason => postgres.ConnectionString is null ? PostgresDatabase.SkipReason : null;

    protected override SiloOptions StoreOptions() => new() { Store = StoreKind.Postgres, PostgresConnectionString = connectionString };

    public override async Task InitializeAsync()
    {
        if (postgres.ConnectionString is not null) connectionString = await postgres.CreateDatabaseAsync();
        await base.InitializeAsync();
    }
}
