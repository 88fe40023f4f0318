using Microsoft.Data.Sqlite;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sqlite;
using ReverseLogistics.Testing;

namespace ReverseLogistics.FunctionalTests.Storage;

public sealed class SqliteActorStoreTests(TemporaryDirectory directory) : ActorStoreContractTests, IClassFixture<TemporaryDirectory>
{
    protected override string Dialect => "Sqlite";

    protected override IActorStore CreateStore() => new SqliteActorStore(directory.Path);

    protected override long TransactionsCommitted(IActorStore store) => ((SqliteActorStore)store).TransactionsCommitted;

    protected override async Task<long> CountAppliedMigrationsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={((SqliteActorStore)Store).DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM schema_migrations";
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task A_data_directory_holds_the_default_file_in_wal_mode()
    {
        var store = (SqliteActorStore)Store;
        Assert.Equal(Path.Combine(directory.Path, SqliteActorStore.DefaultFileName), store.DatabasePath);

        await using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task A_path_ending_in_db_names_the_file()
    {
        var file = Path.Combine(directory.Path, "nested", "custom.db");
        await using var store = new SqliteActorStore(file);
        await store.MigrateAsync(Ct);

        Assert.Equal(file, store.DatabasePath);
        Assert.True(File.Exists(file));
    }

    [Fact]
    public async Task A_database_migrated_by_an_earlier_release_gets_only_the_newer_migrations()
    {
        await using var store = new SqliteActorStore(Path.Combine(directory.Path, $"{Guid.NewGuid():N}.db"));
        await store.MigrateAsync(Ct);

        await AssertADatabaseAtTheFirstMigrationGetsTheRest(store, sql => ExecuteAsync(store, sql), async () => (long)(await ExecuteAsync(store, "SELECT count(*) FROM schema_migrations"))!);
    }

    private async Task<object?> ExecuteAsync(SqliteActorStore store, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={store.DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
