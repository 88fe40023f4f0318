using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Postgres;
using ReverseLogistics.FunctionalTests.Storage;

namespace ReverseLogistics.FunctionalTests.Scheduling;

public sealed class PostgresDueIndexTests(PostgresDatabase postgres) : DueIndexTests, IClassFixture<PostgresDatabase>
{
    protected override string? SkipReason => postgres.ConnectionString is null ? PostgresDatabase.SkipReason : null;

    // A database per test: every test starts from an empty index.
    protected override async Task<IActorStore> OpenStoreAsync() => new PostgresActorStore(await postgres.CreateDatabaseAsync());
}
