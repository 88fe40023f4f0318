using Npgsql;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Postgres;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.FunctionalTests.Storage;

public sealed class PostgresActorStoreTests(PostgresDatabase database) : ActorStoreContractTests, IClassFixture<PostgresDatabase>
{
    protected override string Dialect => "Postgres";

    protected override IActorStore CreateStore()
    {
        Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
        return new PostgresActorStore(database.ConnectionString);
    }

    protected override long TransactionsCommitted(IActorStore store) => ((PostgresActorStore)store).TransactionsCommitted;

    protected override Task<long> CountAppliedMigrationsAsync() => CountAppliedMigrationsAsync(database.ConnectionString!);

    protected override Task ExecuteOnTheCountersTableAsync(string sql) => ExecuteAsync(database.ConnectionString!, sql);

    protected override Task RefuseInsertsOfAsync(ActorKey key) => ExecuteAsync(database.ConnectionString!, $$"""
        CREATE OR REPLACE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$;
        CREATE TRIGGER refuse_{{Guid.NewGuid():N}} BEFORE INSERT ON actor_state FOR EACH ROW
            WHEN (NEW.tenant_id = '{{key.TenantId}}' AND NEW.actor_id = '{{key.Id}}') EXECUTE FUNCTION refuse_insert();
        """);

    [SkippableFact]
    public async Task A_commit_on_one_node_raises_actor_changed_on_the_other_only()
    {
        var nodeA = (PostgresActorStore)Store;
        var nodeB = (PostgresActorStore)await OpenStoreAsync();
        await Task.WhenAll(nodeA.Listening, nodeB.Listening).WaitAsync(Ct);
        var heardByA = new List<(ActorKey, long)>();
        var aHeardB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bHeardA = new TaskCompletionSource<(ActorKey, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        nodeA.ActorChanged += (key, version) =>
        {
            lock (heardByA) heardByA.Add((key, version));
            aHeardB.TrySetResult();
        };
        nodeB.ActorChanged += (key, version) => bHeardA.TrySetResult((key, version));
        var keyA = NewKey("return");
        var keyB = new ActorKey(keyA.TenantId, "return", "by-b");

        await CommitAsync(new ActorCommit(keyA, 0, 0, "{}", [Event("Requested")]));
        Assert.Equal((keyA, 1L), await bHeardA.Task.WaitAsync(Ct));
        Assert.Equal(CommitOutcome.Committed, (await nodeB.CommitAsync(new ActorCommit(keyB, 0, 0, "{}", []), Ct)).Outcome);
        await aHeardB.Task.WaitAsync(Ct);

        // A's own commit was notified before B's, so had A heard itself it would be listed first.
        lock (heardByA) Assert.Equal([(keyB, 1L)], heardByA);
    }

    [SkippableFact]
    public async Task Only_the_announced_types_reach_the_other_nodes()
    {
        Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
        var fresh = await database.CreateDatabaseAsync();
        await using var nodeA = new PostgresActorStore(fresh, announcedTypes: new HashSet<string> { "tenant" });
        await using var nodeB = new PostgresActorStore(fresh);
        await nodeA.MigrateAsync(Ct);
        await Task.WhenAll(nodeA.Listening, nodeB.Listening).WaitAsync(Ct);
        var heardByB = new List<ActorKey>();
        var heardTenant = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nodeB.ActorChanged += (key, _) =>
        {
            lock (heardByB) heardByB.Add(key);
            if (key.ActorType == "tenant") heardTenant.TrySetResult();
        };

        var quiet = new ActorKey("t-1", "return", "r-1");
        var announced = new ActorKey("t-1", "tenant", "t-1");
        Assert.Equal(CommitOutcome.Committed, (await nodeA.CommitAsync(new ActorCommit(quiet, 0, 0, "{}", []), Ct)).Outcome);
        Assert.Equal(CommitOutcome.Committed, (await nodeA.CommitAsync(new ActorCommit(announced, 0, 0, "{}", []), Ct)).Outcome);
        await heardTenant.Task.WaitAsync(Ct);

        // The return was committed first: had it been announced, B would have heard it before the tenant.
        lock (heardByB) Assert.Equal([announced], heardByB);
    }

    [SkippableFact]
    public async Task The_listener_reconnects_after_losing_its_connection()
    {
        var nodeA = (PostgresActorStore)Store;
        var nodeB = (PostgresActorStore)await OpenStoreAsync();
        await nodeB.Listening.WaitAsync(Ct);
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", []));

        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'", connection);
            Assert.True((long)(await terminate.ExecuteScalarAsync(Ct))! >= 2);
        }
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        nodeB.ActorChanged += (changed, _) => { if (changed == key) heard.TrySetResult(); };

        // Notifications sent while B reconnects are lost, so A commits until B hears one.
        for (var version = 1L; !heard.Task.IsCompleted; version++)
        {
            Assert.Equal(CommitOutcome.Committed, (await nodeA.CommitAsync(new ActorCommit(key, version, 0, "{}", []), Ct)).Outcome);
            await Task.WhenAny(heard.Task, Task.Delay(100, Ct));
        }
    }

    [SkippableFact]
    public async Task Two_nodes_migrating_a_fresh_database_at_once_do_not_collide()
    {
        Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
        var fresh = await database.CreateDatabaseAsync();
        await using var nodeA = new PostgresActorStore(fresh);
        await using var nodeB = new PostgresActorStore(fresh);

        await Task.WhenAll(nodeA.MigrateAsync(Ct), nodeB.MigrateAsync(Ct));

        Assert.Equal(Migration.For(Dialect).Count, await CountAppliedMigrationsAsync(fresh));
    }

    [SkippableFact]
    public async Task A_database_migrated_by_an_earlier_release_gets_only_the_newer_migrations()
    {
        Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
        var fresh = await database.CreateDatabaseAsync();
        await using var store = new PostgresActorStore(fresh);
        await store.MigrateAsync(Ct);
        // Back to the first migration: the scheduler's Quartz tables (0004) and Orleans'
        // membership tables (0005) go as well.
        await ExecuteAsync(fresh, """
            DO $$ DECLARE qrtz text; BEGIN
              FOR qrtz IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'qrtz\_%' LOOP
                EXECUTE format('DROP TABLE %I CASCADE', qrtz);
              END LOOP;
            END $$;
            DROP TABLE OrleansMembershipTable, OrleansMembershipVersionTable, OrleansQuery;
            """);

        await AssertADatabaseAtTheFirstMigrationGetsTheRest(store, sql => ExecuteAsync(fresh, sql), () => CountAppliedMigrationsAsync(fresh));
    }

    [SkippableFact]
    public async Task A_request_recorded_by_a_transaction_the_commit_waited_for_is_a_duplicate_and_writes_nothing()
    {
        var key = NewKey("return");
        var bystander = key with { Id = "rma-2" };
        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync(Ct);
        await using var holding = await other.BeginTransactionAsync(Ct);
        await using (var record = new NpgsqlCommand(
            "INSERT INTO idempotency_records (tenant_id, request_id, method, fingerprint, response, created_at) VALUES (@tenant_id, 'req-race', 'm', 'held', '\\x00', now())",
            other, holding) { Parameters = { new("tenant_id", key.TenantId) } })
        {
            await record.ExecuteNonQueryAsync(Ct);
        }

        // The store's commit does not see the uncommitted record, writes its state, then waits for the record's row.
        var racing = Store.CommitAsync(
            new ActorCommit(key, 0, 0, "{}", [Event("Requested")], Request(key.TenantId, "req-race"), [new("status", "requested")],
                [new("returns", "all", 1), new("returns", "racing", 1)]), Ct);
        var alongside = Store.CommitAsync(new ActorCommit(bystander, 0, 0, "{}", [Event("Requested")], Index: [new("status", "requested")],
            Counters: [new("returns", "all", 1)]), Ct);
        await WaitForALockWaitAsync(racing);
        await holding.CommitAsync(Ct);

        Assert.Equal(CommitOutcome.DuplicateRequest, (await racing).Outcome);
        Assert.Equal(CommitOutcome.Committed, (await alongside).Outcome);
        Assert.Null(await Store.ReadAsync(key, Ct));
        Assert.Empty(await Store.ReadStreamAsync(key, 0, 10, Ct));
        Assert.Equal([bystander], await FindAsync(key, IndexCondition.Equal("status", "requested")));
        Assert.Equal("held", (await Store.FindRequestAsync(key.TenantId, "req-race", Ct))?.Fingerprint);
        Assert.Equal([new CounterValue(key.TenantId, "all", 1)],
            await Store.ReadCountersAsync(new CounterQuery(key.TenantId, "returns", [new CounterRange("a", "z")]), Ct));
    }

    // On a connection of its own: within a transaction, pg_stat_activity keeps answering from its first snapshot.
    private async Task WaitForALockWaitAsync(Task<CommitResult> commit)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'", connection);
        while ((long)(await waiting.ExecuteScalarAsync(Ct))! == 0)
        {
            Assert.False(commit.IsCompleted, $"The commit ended without waiting for the lock: {(commit.IsCompletedSuccessfully ? commit.Result.Outcome : commit.Exception)}");
            await Task.Delay(10, Ct);
        }
    }

    [SkippableFact]
    public async Task Replacing_an_actors_entries_finds_them_through_the_primary_key_before_any_analyze()
    {
        Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
        var fresh = await database.CreateDatabaseAsync();
        await using (var store = new PostgresActorStore(fresh)) await store.MigrateAsync(Ct);
        // 2,000 actors of one tenant with 7 entries each, and no statistics (as in a new database under load).
        await ExecuteAsync(fresh, """
            ALTER TABLE actor_index SET (autovacuum_enabled = false);
            ALTER TABLE actor_state SET (autovacuum_enabled = false);
            INSERT INTO actor_state (tenant_id, actor_type, actor_id, version, event_sequence, state, updated_at)
            SELECT 't-1', 'return', 'r-' || n, 1, 0, '{}', now() FROM generate_series(1, 2000) AS n;
            INSERT INTO actor_index (tenant_id, actor_type, actor_id, name, value)
            SELECT 't-1', 'return', 'r-' || n, 'name-' || e, 'value-' || n FROM generate_series(1, 2000) AS n, generate_series(1, 7) AS e;
            """);

        await using var connection = new NpgsqlConnection(fresh);
        await connection.OpenAsync(Ct);
        var update = CommitStatement.For(new ActorCommit(new ActorKey("t-1", "return", "r-7"), 1, 0, "{}", [], Index: [new("name-1", "value-7")]));
        update.CommandText = "EXPLAIN " + update.CommandText;
        await using var explain = new NpgsqlBatch(connection) { BatchCommands = { update } };
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(0));
        }

        Assert.Contains(plan, line => line.Contains("Index Scan using pk_actor_index on actor_index", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("ix_actor_index_lookup", StringComparison.Ordinal));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_stores_sessions_plan_generically_and_start_no_workers_or_jit_compilation(bool forWriter)
    {
        Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
        await using var source = PostgresActorStore.Build(database.ConnectionString, forWriter);
        await using var connection = await source.OpenConnectionAsync(Ct);
        await using var show = new NpgsqlCommand(
            "SELECT current_setting('plan_cache_mode'), current_setting('max_parallel_workers_per_gather'), current_setting('jit')", connection);
        await using var reader = await show.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct));

        Assert.Equal(("force_generic_plan", "0", "off"), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
    }

    [SkippableTheory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task Reading_counters_by_many_ranges_or_keys_searches_an_index_in_the_generic_plan(bool exactKeys, bool acrossTenants)
    {
        Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
        var fresh = await database.CreateDatabaseAsync();
        await using (var store = new PostgresActorStore(fresh)) await store.MigrateAsync(Ct);
        await ExecuteAsync(fresh, """
            INSERT INTO counters (tenant_id, name, key, value)
            SELECT 't-' || (n % 2), 'units.day', '2026-01-' || lpad((n % 28 + 1)::text, 2, '0') || '|SKU-' || lpad(n::text, 5, '0'), 1
            FROM generate_series(1, 100000) AS n;
            ANALYZE counters;
            """);
        var query = new CounterQuery(acrossTenants ? null : "t-1", "units.day", [.. Enumerable.Range(1, 3).Select(day =>
            exactKeys ? CounterRange.Exactly($"2026-01-{day:D2}|SKU-00001") : CounterRange.Prefix($"2026-01-{day:D2}|SKU-00001"))]);
        var (sql, parameters) = ActorQueries.ReadCountersSql(query);
        // The store's connections plan generically (docs/performance.md): prepare the statement as the driver would.
        var positional = sql;
        for (var i = 0; i < parameters.Count; i++)
            positional = System.Text.RegularExpressions.Regex.Replace(positional, $@"@{parameters[i].Name}\b", $"${i + 1}");
        var types = string.Join(", ", parameters.Select(p => p.Value is int ? "integer" : "text"));
        var values = string.Join(", ", parameters.Select(p => p.Value is int number ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "'" + ((string)p.Value!).Replace("'", "''").Replace("\u0001", "' || chr(1) || '") + "'"));

        await using var connection = new NpgsqlConnection(fresh);
        await connection.OpenAsync(Ct);
        await using var explain = new NpgsqlCommand(
            $"SET plan_cache_mode = force_generic_plan; SET max_parallel_workers_per_gather = 0; SET jit = off; PREPARE read_counters({types}) AS {positional};" +
            $" EXPLAIN EXECUTE read_counters({values});", connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct)) plan.Add(reader.GetString(0));
        }

        // An index searched by name, tenant and the key list (exact keys) or once per key range (either index can), not
        // every key of the name tested against the ranges; no parallel workers. Across tenants, the partial index by name
        // and keys: the query's copy of its condition proves the index holds every counter the read can find.
        Assert.True((exactKeys ? 1 : 3) == plan.Count(line => line.Contains("Index Cond: (", StringComparison.Ordinal)
            && line.Contains(exactKeys ? "(key = ANY (" : "(key >= $", StringComparison.Ordinal)
            && line.Contains(acrossTenants ? "(name = $" : "(tenant_id = $", StringComparison.Ordinal)), string.Join("\n", plan));
        if (acrossTenants) Assert.Contains(plan, line => line.Contains("ix_counters_across_tenants", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("Filter", StringComparison.Ordinal) || line.Contains("Gather", StringComparison.Ordinal));
    }

    private async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private async Task<long> CountAppliedMigrationsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
