using Microsoft.Data.Sqlite;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sql;
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

    protected override Task RefuseInsertsOfAsync(ActorKey key) => ExecuteAsync((SqliteActorStore)Store,
        $"CREATE TRIGGER refuse_{Guid.NewGuid():N} BEFORE INSERT ON actor_state" +
        $" WHEN NEW.tenant_id = '{key.TenantId}' AND NEW.actor_id = '{key.Id}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");

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

    [Theory]
    [InlineData("id")]
    [InlineData("tracking")]
    public async Task A_lookup_across_tenants_searches_the_partial_index_instead_of_scanning(string name)
    {
        await using var connection = new SqliteConnection($"Data Source={((SqliteActorStore)Store).DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + ActorQueries.FindAcrossTenantsSql(name);
        foreach (var parameter in new[] { "@actor_type", "@value", "@limit" }) command.Parameters.AddWithValue(parameter, "x");
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.StartsWith("SEARCH actor_index USING COVERING INDEX ix_actor_index_across_tenants", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_counters_by_many_ranges_searches_the_primary_key_once_per_range_instead_of_scanning()
    {
        var key = NewKey("loader");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [],
            Counters: [.. Enumerable.Range(0, 2000).Select(i => new CounterDelta("units.day", $"2026-01-{i % 28 + 1:D2}|SKU-{i:D4}", 1))]));
        var query = new CounterQuery(key.TenantId, "units.day", [.. Enumerable.Range(1, 28).Select(day => CounterRange.Exactly($"2026-01-{day:D2}|SKU-0001"))]);
        var (sql, parameters) = ActorQueries.ReadCountersSql(query);

        await using var connection = new SqliteConnection($"Data Source={((SqliteActorStore)Store).DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue("@" + name, value);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(3));
        }

        Assert.Equal(28, plan.Count(step => step.Contains("SEARCH counters USING PRIMARY KEY (tenant_id=? AND name=? AND key>? AND key<?)", StringComparison.Ordinal)));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN counters", StringComparison.Ordinal));
        Assert.Equal([("2026-01-02|SKU-0001", 1L)], (await Store.ReadCountersAsync(query, Ct)).Select(c => (c.Key, c.Value)));
    }

    [Fact]
    public async Task Migration_5_rebuilds_the_large_row_tables_keeping_their_rows_keys_and_foreign_keys()
    {
        var file = Path.Combine(directory.Path, $"{Guid.NewGuid():N}.db");
        var tenant = NewTenant();
        const string At = "'2026-01-01T00:00:00.000000Z'";
        await using (var earlier = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await earlier.OpenAsync(Ct);
            await ExecuteAsync(earlier, SqliteActorStore.CreateHistorySql);
            foreach (var migration in Migration.For(Dialect).Where(m => m.Version < 5))
            {
                await ExecuteAsync(earlier, migration.Sql);
                await ExecuteAsync(earlier, $"INSERT INTO schema_migrations VALUES ({migration.Version}, '{migration.Name}', {At})");
            }
            await ExecuteAsync(earlier,
                $"INSERT INTO actor_state VALUES ('{tenant}', 'return', 'rma-1', 1, 1, '[]', {At});" +
                $"INSERT INTO events VALUES ('{tenant}', 'return', 'rma-1', 1, 1, 'Requested', '[]', 'tester', {At}, {At});" +
                $"INSERT INTO idempotency_records VALUES ('{tenant}', 'req-1', 'Create', 'fp', x'01', {At});" +
                $"INSERT INTO actor_index VALUES ('{tenant}', 'return', 'rma-1', 'tracking', 'RL-1'), ('{tenant}', 'return', 'rma-1', 'status', 'open');");
        }

        await using var store = new SqliteActorStore(file);
        await store.MigrateAsync(Ct);

        var key = new ActorKey(tenant, "return", "rma-1");
        Assert.Equal(1, (await store.ReadAsync(key, Ct))!.Version);
        Assert.Equal("Requested", Assert.Single(await store.ReadStreamAsync(key, 0, 10, Ct)).Type);
        Assert.Equal("fp", (await store.FindRequestAsync(tenant, "req-1", Ct))!.Fingerprint);
        Assert.Equal([key], await store.FindAcrossTenantsAsync("return", "tracking", "RL-1", 10, Ct));
        Assert.Equal([key], await store.FindAsync(new IndexQuery(tenant, "return", [IndexCondition.Equal("status", "open")]), Ct));
        var duplicate = new ActorCommit(key with { Id = "rma-2" }, 0, 0, "{}", [], Request(tenant, "req-1"));
        Assert.Equal(CommitOutcome.DuplicateRequest, (await store.CommitAsync(duplicate, Ct)).Outcome);
        Assert.Equal(CommitOutcome.VersionConflict, (await store.CommitAsync(new ActorCommit(key, 0, 0, "{}", []), Ct)).Outcome);
        Assert.Equal(CommitOutcome.Committed, (await store.CommitAsync(new ActorCommit(key, 1, 1, "{}", [Event("Approved")]), Ct)).Outcome);
        Assert.Equal("actor_state", await ExecuteAsync(store, "SELECT \"table\" FROM pragma_foreign_key_list('events')"));
        Assert.Equal(0L, await ExecuteAsync(store,
            "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%json_valid%' OR (name = 'actor_state' AND sql LIKE '%WITHOUT ROWID%')"));
        await using var checking = new SqliteConnection($"Data Source={file};Foreign Keys=True;Pooling=False");
        await checking.OpenAsync(Ct);
        await Assert.ThrowsAsync<SqliteException>(() => ExecuteAsync(checking,
            $"INSERT INTO events VALUES ('{tenant}', 'return', 'rma-missing', 1, 99, 'Requested', '[]', 'tester', {At}, {At})"));
    }

    private async Task<object?> ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
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
