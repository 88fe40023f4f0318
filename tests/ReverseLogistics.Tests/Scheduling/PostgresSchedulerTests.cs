using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Tests.Storage;

namespace ReverseLogistics.Tests.Scheduling;

/// <summary>Cluster mode: Quartz clustered on the shared PostgreSQL database (a fresh one per test).</summary>
public sealed class PostgresSchedulerTests(PostgresDatabase postgres) : SchedulerTests, IClassFixture<PostgresDatabase>
{
    private string? connectionString;

    protected override string? SkipReason => postgres.ConnectionString is null ? PostgresDatabase.SkipReason : null;

    protected override bool IsClustered => true;

    protected override SiloOptions StoreOptions(string nodeDirectory) =>
        new() { DataDirectory = nodeDirectory, Store = StoreKind.Postgres, PostgresConnectionString = connectionString };

    public override async Task InitializeAsync()
    {
        if (postgres.ConnectionString is not null) connectionString = await postgres.CreateDatabaseAsync();
    }
}
