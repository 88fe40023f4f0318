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

    protected override async Task ExecuteOnTheCountersTableAsync(string sql)
    {
        await ((SqliteActorStore)Store).FoldCountersNowAsync();
        await ExecuteAsync((SqliteActorStore)Store, sql);
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
        await ExecuteAsync(store, "DROP TABLE counter_log"); // SQLite's alone (0007)

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

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task Reading_counters_by_many_ranges_or_keys_searches_an_index_instead_of_scanning(bool exactKeys, bool acrossTenants)
    {
        var key = NewKey("loader");
        var counter = $"units-{Guid.NewGuid():N}.day"; // its own, so that across tenants no other test's counters show
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [],
            Counters: [.. Enumerable.Range(0, 2000).Select(i => new CounterDelta(counter, $"2026-01-{i % 28 + 1:D2}|SKU-{i:D4}", 1))]));
        var query = new CounterQuery(acrossTenants ? null : key.TenantId, counter, [.. Enumerable.Range(1, 28).Select(day =>
            exactKeys ? CounterRange.Exactly($"2026-01-{day:D2}|SKU-0001") : CounterRange.Prefix($"2026-01-{day:D2}|SKU-0001"))]);
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

        // Exact keys: one search of the key list (a seek per key, in key order); ranges: one search per range. Across
        // tenants, of the partial index, which the query's copy of its condition lets SQLite use.
        var index = acrossTenants ? "INDEX ix_counters_across_tenants (name=? AND " : "PRIMARY KEY (tenant_id=? AND name=? AND ";
        if (exactKeys) Assert.Single(plan, step => step.Contains($"SEARCH counters USING {index}key=?)", StringComparison.Ordinal));
        else Assert.Equal(28, plan.Count(step => step.Contains($"SEARCH counters USING {index}key>? AND key<?)", StringComparison.Ordinal)));
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

    [Fact]
    public async Task Counters_read_the_same_whether_their_deltas_are_folded_into_the_table_or_still_logged()
    {
        var store = (SqliteActorStore)Store;
        var key = NewKey("return");
        var other = NewKey("return") with { TenantId = NewTenant() };
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [new("n", "a", 2), new("n", "b", 1)]));
        await CommitAsync(new ActorCommit(other, 0, 0, "{}", [], Counters: [new("n", "a", 10)]));
        await store.FoldCountersNowAsync();
        await CommitAsync(new ActorCommit(key, 1, 0, "{}", [], Counters: [new("n", "a", 3), new("n", "c", 5), new("n", "b", -1)]));

        // "a" is partly folded and partly logged, "b" folded and moved back to 0 in the log, "c" only logged.
        Assert.Equal(1L, await ExecuteAsync(store, "SELECT count(*) FROM counter_log"));
        var logged = await Store.ReadCountersAsync(new CounterQuery(key.TenantId, "n", [new CounterRange("a", "z")]), Ct);
        var page = await Store.ReadCountersAsync(new CounterQuery(key.TenantId, "n", [new CounterRange("a", "z")], Limit: 2, AfterKey: "a"), Ct);
        var everyTenant = await Store.ReadCountersAsync(new CounterQuery(null, "n", [new CounterRange("a", "b")]), Ct);
        await store.FoldCountersNowAsync();
        var folded = await Store.ReadCountersAsync(new CounterQuery(key.TenantId, "n", [new CounterRange("a", "z")]), Ct);

        Assert.Equal([("a", 5L), ("b", 0L), ("c", 5L)], logged.Select(c => (c.Key, c.Value)));
        Assert.Equal([("b", 0L), ("c", 5L)], page.Select(c => (c.Key, c.Value)));
        Assert.Equal(new[] { (key.TenantId, 5L), (other.TenantId, 10L) }.OrderBy(c => c.Item1, StringComparer.Ordinal), everyTenant.Select(c => (c.TenantId, c.Value)));
        Assert.Equal(logged, folded);
        Assert.Equal(0L, await ExecuteAsync(store, "SELECT count(*) FROM counter_log"));
        Assert.Equal(5L, await ExecuteAsync(store, $"SELECT value FROM counters WHERE tenant_id = '{key.TenantId}' AND name = 'n' AND key = 'c'"));
    }

    [Fact]
    public async Task A_page_full_of_stored_counters_leaves_the_logged_ones_after_it_to_the_next_page()
    {
        var store = (SqliteActorStore)Store;
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [new("n", "b", 1), new("n", "d", 1)]));
        await store.FoldCountersNowAsync();
        await CommitAsync(new ActorCommit(key, 1, 0, "{}", [], Counters: [new("n", "a", 1), new("n", "c", 1), new("n", "e", 1)]));

        var query = new CounterQuery(key.TenantId, "n", [new CounterRange("a", "z")], Limit: 2);
        var keys = new List<string>();
        for (var page = await Store.ReadCountersAsync(query, Ct); ; page = await Store.ReadCountersAsync(query with { AfterKey = keys[^1] }, Ct))
        {
            Assert.InRange(page.Count, 0, 2);
            keys.AddRange(page.Select(c => c.Key));
            if (page.Count < 2) break;
        }

        Assert.Equal(["a", "b", "c", "d", "e"], keys);
    }

    [Fact]
    public async Task Deltas_logged_and_not_folded_when_the_process_died_count_when_the_store_opens_again()
    {
        var path = Path.Combine(directory.Path, $"{Guid.NewGuid():N}.db");
        var key = NewKey("return");
        await using (var first = new SqliteActorStore(path))
        {
            await first.MigrateAsync(Ct);
            Assert.Equal(CommitOutcome.Committed, (await first.CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [new("n", "a", 1)]), Ct)).Outcome);
        }
        // What a batch leaves when the process dies before its deltas are folded: their log row.
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync(Ct);
            await ExecuteAsync(connection, $$"""INSERT INTO counter_log (deltas) VALUES ('[["{{key.TenantId}}","n","a",4],["{{key.TenantId}}","n","b",2]]')""");
        }

        await using var reopened = new SqliteActorStore(path);
        var counters = await reopened.ReadCountersAsync(new CounterQuery(key.TenantId, "n", [new CounterRange("a", "z")]), Ct);
        await reopened.FoldCountersNowAsync();

        Assert.Equal([("a", 5L), ("b", 2L)], counters.Select(c => (c.Key, c.Value)));
        Assert.Equal(counters, await reopened.ReadCountersAsync(new CounterQuery(key.TenantId, "n", [new CounterRange("a", "z")]), Ct));
        Assert.Equal(0L, await ExecuteAsync(reopened, "SELECT count(*) FROM counter_log"));
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
