using System.Data.Common;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.FunctionalTests.Storage;

/// <summary>
/// What every <see cref="IActorStore"/> must do, run once per implementation. All tests of a class
/// share one database, so each test works in tenants (or actor types) of its own.
/// </summary>
public abstract partial class ActorStoreContractTests : IAsyncLifetime
{
    private static readonly DateTime At = new(2026, 11, 22, 9, 30, 15, 123, DateTimeKind.Utc);

    private readonly List<IActorStore> opened = [];
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));

    protected IActorStore Store { get; private set; } = null!;

    protected CancellationToken Ct => timeout.Token;

    /// <summary>The migrations' dialect, as named under Migrations/ in the storage project.</summary>
    protected abstract string Dialect { get; }

    /// <summary>A new store instance (another "node") on this class's database, not migrated yet.</summary>
    protected abstract IActorStore CreateStore();

    protected abstract long TransactionsCommitted(IActorStore store);

    /// <summary>The rows of schema_migrations, read directly from the database.</summary>
    protected abstract Task<long> CountAppliedMigrationsAsync();

    /// <summary>Runs <paramref name="sql"/> on the class's database once every counter the store holds is in the counters table.</summary>
    protected abstract Task ExecuteOnTheCountersTableAsync(string sql);

    /// <summary>Makes the database itself refuse to insert <paramref name="key"/>'s state (a trigger), as a fault would.</summary>
    protected abstract Task RefuseInsertsOfAsync(ActorKey key);

    public async Task InitializeAsync() => Store = await OpenStoreAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in opened) await store.DisposeAsync();
        timeout.Dispose();
    }

    protected async Task<IActorStore> OpenStoreAsync()
    {
        var store = CreateStore();
        opened.Add(store);
        await store.MigrateAsync(Ct);
        return store;
    }

    [SkippableFact]
    public async Task A_created_actor_reads_back_and_updates_with_its_version()
    {
        var key = NewKey("return");

        var created = await Store.CommitAsync(new ActorCommit(key, 0, 0, """{"status":"requested"}""", [Event("Requested"), Event("LineAdded")]), Ct);
        Assert.Equal(new CommitResult(CommitOutcome.Committed, 1, 2), created);
        var record = await Store.ReadAsync(key, Ct);
        Assert.NotNull(record);
        Assert.Equal((1, 2), (record.Version, record.EventSequence));
        Assert.Equal("""{"status":"requested"}""", record.State);

        var updated = await Store.CommitAsync(new ActorCommit(key, 1, 2, """{"status":"approved"}""", [Event("Approved")]), Ct);
        Assert.Equal(new CommitResult(CommitOutcome.Committed, 2, 3), updated);
        record = await Store.ReadAsync(key, Ct);
        Assert.Equal((2, 3), (record!.Version, record.EventSequence));
        Assert.Equal("""{"status":"approved"}""", record.State);
    }

    [SkippableFact]
    public async Task States_and_event_data_read_back_as_the_text_written()
    {
        // jsonb would give these back with its own key order and spacing: the store keeps JSON as text.
        var key = NewKey("return");
        const string state = """{"zeta": 1,  "a":[ 2 ,3 ]}""";
        const string data = """{ "longer_key":true,"k":null }""";

        await CommitAsync(new ActorCommit(key, 0, 0, state, [Event("Requested", data)]));

        Assert.Equal(state, (await Store.ReadAsync(key, Ct))!.State);
        Assert.Equal(data, Assert.Single(await Store.ReadStreamAsync(key, 0, 10, Ct)).Data);
    }

    [SkippableFact]
    public async Task An_actor_never_committed_reads_as_null()
    {
        Assert.Null(await Store.ReadAsync(NewKey("return"), Ct));
    }

    [SkippableFact]
    public async Task A_version_conflict_writes_nothing()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, """{"n":1}""", [Event("Requested")]));

        var stale = new ActorCommit(key, 2, 1, """{"n":3}""", [Event("Approved")], Request(key.TenantId, "r-stale"));
        var result = await Store.CommitAsync(stale, Ct);

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        var record = await Store.ReadAsync(key, Ct);
        Assert.Equal((1, 1), (record!.Version, record.EventSequence));
        Assert.Equal("""{"n":1}""", record.State);
        Assert.Single(await Store.ReadStreamAsync(key, 0, 10, Ct));
        Assert.Null(await Store.FindRequestAsync(key.TenantId, "r-stale", Ct));
    }

    [SkippableFact]
    public async Task A_stale_event_sequence_is_a_version_conflict()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [Event("Requested"), Event("Approved")]));

        var result = await Store.CommitAsync(new ActorCommit(key, 1, 1, """{"n":2}""", [Event("LabelIssued")]), Ct);

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        var record = await Store.ReadAsync(key, Ct);
        Assert.Equal((1, 2), (record!.Version, record.EventSequence));
        Assert.Equal(["Requested", "Approved"], (await Store.ReadStreamAsync(key, 0, 10, Ct)).Select(e => e.Type));
    }

    [SkippableFact]
    public async Task Creating_an_existing_actor_is_a_version_conflict()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, """{"first":true}""", [Event("Requested")]));

        var result = await Store.CommitAsync(new ActorCommit(key, 0, 0, """{"first":false}""", [Event("Requested")]), Ct);

        Assert.Equal(CommitOutcome.VersionConflict, result.Outcome);
        var record = await Store.ReadAsync(key, Ct);
        Assert.Equal("""{"first":true}""", record!.State);
        Assert.Single(await Store.ReadStreamAsync(key, 0, 10, Ct));
    }

    [SkippableFact]
    public async Task Events_are_numbered_per_stream_and_positioned_in_commit_order()
    {
        var tenant = NewTenant();
        var first = new ActorKey(tenant, "return", "rma-1");
        var second = new ActorKey(tenant, "return", "rma-2");
        await CommitAsync(new ActorCommit(first, 0, 0, "{}", [Event("Requested", """{"lines":2}"""), Event("Approved")]));
        await CommitAsync(new ActorCommit(second, 0, 0, "{}", [Event("Requested")]));
        await CommitAsync(new ActorCommit(first, 1, 2, "{}", [Event("LabelIssued")]));

        var stream = await Store.ReadStreamAsync(first, 0, 10, Ct);
        Assert.Equal([1L, 2L, 3L], stream.Select(e => e.Sequence));
        Assert.Equal(["Requested", "Approved", "LabelIssued"], stream.Select(e => e.Type));
        var requested = stream[0];
        Assert.Equal((tenant, "return", "rma-1", "tester"), (requested.TenantId, requested.StreamType, requested.StreamId, requested.Actor));
        Assert.Equal("""{"lines":2}""", requested.Data);
        Assert.Equal(At, requested.OccurredAt);
        Assert.Equal(DateTimeKind.Utc, requested.OccurredAt.Kind);

        var all = await Store.ReadTenantEventsAsync(tenant, 0, 10, Ct);
        Assert.Equal(["rma-1", "rma-1", "rma-2", "rma-1"], all.Select(e => e.StreamId));
        Assert.Equal(all.Select(e => e.Position).Order(), all.Select(e => e.Position));
        Assert.Equal(all.Count, all.Select(e => e.Position).Distinct().Count());
    }

    [SkippableFact]
    public async Task A_stream_reads_in_pages_after_a_sequence()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [.. Enumerable.Range(1, 5).Select(i => Event($"E{i}"))]));

        Assert.Equal([1L, 2L], (await Store.ReadStreamAsync(key, 0, 2, Ct)).Select(e => e.Sequence));
        Assert.Equal([3L, 4L], (await Store.ReadStreamAsync(key, 2, 2, Ct)).Select(e => e.Sequence));
        Assert.Equal([5L], (await Store.ReadStreamAsync(key, 4, 2, Ct)).Select(e => e.Sequence));
        Assert.Empty(await Store.ReadStreamAsync(key, 5, 2, Ct));
    }

    [SkippableFact]
    public async Task Tenant_events_hold_only_that_tenants_events_and_page_by_position()
    {
        var mine = NewKey("return");
        var theirs = new ActorKey(NewTenant(), "return", mine.Id);
        await CommitAsync(new ActorCommit(mine, 0, 0, "{}", [Event("Mine1")]));
        await CommitAsync(new ActorCommit(theirs, 0, 0, "{}", [Event("Theirs1")]));
        await CommitAsync(new ActorCommit(mine, 1, 1, "{}", [Event("Mine2"), Event("Mine3")]));

        var events = await Store.ReadTenantEventsAsync(mine.TenantId, 0, 10, Ct);
        Assert.Equal(["Mine1", "Mine2", "Mine3"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(mine.TenantId, e.TenantId));

        var page = await Store.ReadTenantEventsAsync(mine.TenantId, events[0].Position, 1, Ct);
        Assert.Equal(["Mine2"], page.Select(e => e.Type));
        Assert.Equal(["Theirs1"], (await Store.ReadTenantEventsAsync(theirs.TenantId, 0, 10, Ct)).Select(e => e.Type));
    }

    [SkippableFact]
    public async Task The_last_tenant_position_is_its_latest_events_and_appends_are_announced_with_the_tenant()
    {
        var mine = NewKey("return");
        var theirs = new ActorKey(NewTenant(), "return", mine.Id);
        var announced = new List<string>();
        Store.EventsAppended += key => { lock (announced) announced.Add(key.TenantId); };
        Assert.Equal(0, await Store.LastTenantPositionAsync(mine.TenantId, Ct));

        await CommitAsync(new ActorCommit(mine, 0, 0, "{}", [Event("Mine1"), Event("Mine2")]));
        await CommitAsync(new ActorCommit(theirs, 0, 0, "{}", [Event("Theirs1")]));
        await CommitAsync(new ActorCommit(mine, 1, 2, "{}", []));
        await Store.CommitAsync(new ActorCommit(mine, 1, 2, "{}", [Event("Stale")]), Ct);

        var events = await Store.ReadTenantEventsAsync(mine.TenantId, 0, 10, Ct);
        Assert.Equal(events[^1].Position, await Store.LastTenantPositionAsync(mine.TenantId, Ct));
        Assert.True(await Store.LastTenantPositionAsync(theirs.TenantId, Ct) > events[^1].Position);
        lock (announced) Assert.Equal([mine.TenantId, theirs.TenantId], announced);
    }

    [SkippableFact]
    public async Task A_duplicate_request_id_writes_nothing_and_the_first_record_stays()
    {
        var first = NewKey("return");
        var second = new ActorKey(first.TenantId, "return", "another");
        var original = Request(first.TenantId, "req-1", fingerprint: "original", response: [1, 2, 3]);
        await CommitAsync(new ActorCommit(first, 0, 0, "{}", [Event("Requested")], original));

        var reuse = Request(first.TenantId, "req-1", fingerprint: "different", response: [9]);
        var result = await Store.CommitAsync(new ActorCommit(second, 0, 0, "{}", [Event("Requested")], reuse), Ct);

        Assert.Equal(CommitOutcome.DuplicateRequest, result.Outcome);
        Assert.Null(await Store.ReadAsync(second, Ct));
        Assert.Empty(await Store.ReadStreamAsync(second, 0, 10, Ct));
        var found = await Store.FindRequestAsync(first.TenantId, "req-1", Ct);
        Assert.NotNull(found);
        Assert.Equal((original.Method, original.Fingerprint, original.CreatedAt), (found.Method, found.Fingerprint, found.CreatedAt));
        Assert.Equal(original.Response, found.Response);
        Assert.Equal(DateTimeKind.Utc, found.CreatedAt.Kind);
    }

    [SkippableFact]
    public async Task A_retried_request_is_a_duplicate_even_though_its_version_is_stale()
    {
        var key = NewKey("return");
        var commit = new ActorCommit(key, 0, 0, "{}", [Event("Requested")], Request(key.TenantId, "req-1"));
        await CommitAsync(commit);

        Assert.Equal(CommitOutcome.DuplicateRequest, (await Store.CommitAsync(commit, Ct)).Outcome);
    }

    [SkippableFact]
    public async Task The_same_request_id_in_two_tenants_is_two_requests()
    {
        var mine = NewKey("return");
        var theirs = new ActorKey(NewTenant(), "return", mine.Id);

        await CommitAsync(new ActorCommit(mine, 0, 0, "{}", [], Request(mine.TenantId, "req-1", fingerprint: "mine")));
        await CommitAsync(new ActorCommit(theirs, 0, 0, "{}", [], Request(theirs.TenantId, "req-1", fingerprint: "theirs")));

        Assert.Equal("mine", (await Store.FindRequestAsync(mine.TenantId, "req-1", Ct))!.Fingerprint);
        Assert.Equal("theirs", (await Store.FindRequestAsync(theirs.TenantId, "req-1", Ct))!.Fingerprint);
    }

    [SkippableFact]
    public async Task Purging_deletes_the_requests_created_before_the_cutoff()
    {
        // Other tests create requests now; these are the only ones from 2001.
        var cutoff = new DateTime(2001, 1, 1, 2, 0, 0, DateTimeKind.Utc);
        var tenant = NewTenant();
        var ages = new Dictionary<string, DateTime>
        {
            ["old"] = cutoff.AddHours(-2),
            ["just-before"] = cutoff.AddTicks(-10),
            ["at-cutoff"] = cutoff,
            ["newer"] = cutoff.AddHours(1),
        };
        foreach (var (requestId, createdAt) in ages)
        {
            var request = Request(tenant, requestId) with { CreatedAt = createdAt };
            await CommitAsync(new ActorCommit(new ActorKey(tenant, "return", requestId), 0, 0, "{}", [], request));
        }

        Assert.Equal(2, await Store.PurgeRequestsAsync(cutoff, Ct));

        Assert.Null(await Store.FindRequestAsync(tenant, "old", Ct));
        Assert.Null(await Store.FindRequestAsync(tenant, "just-before", Ct));
        Assert.NotNull(await Store.FindRequestAsync(tenant, "at-cutoff", Ct));
        Assert.NotNull(await Store.FindRequestAsync(tenant, "newer", Ct));
    }

    [SkippableFact]
    public async Task Listing_orders_by_tenant_then_id_ordinally_and_pages_after_a_key()
    {
        var type = $"type-{Guid.NewGuid():N}";
        var prefix = Guid.NewGuid().ToString("N");
        var (tenantA, tenantB) = ($"{prefix}-a", $"{prefix}-b");
        foreach (var key in new[] { (tenantB, "x"), (tenantA, "b"), (tenantA, "B"), (tenantA, "a10"), (tenantA, "a9") })
        {
            await CommitAsync(new ActorCommit(new ActorKey(key.Item1, type, key.Item2), 0, 0, "{}", []));
        }
        await CommitAsync(new ActorCommit(new ActorKey(tenantA, "other-type", "a"), 0, 0, "{}", []));

        var all = await Store.ListAsync(type, null, null, 100, Ct);
        Assert.Equal(
            [(tenantA, "B"), (tenantA, "a10"), (tenantA, "a9"), (tenantA, "b"), (tenantB, "x")],
            all.Select(actor => (actor.Key.TenantId, actor.Key.Id)));
        Assert.All(all, actor => Assert.Equal((type, 1L), (actor.Key.ActorType, actor.Record.Version)));

        var firstPage = await Store.ListAsync(type, null, null, 2, Ct);
        var secondPage = await Store.ListAsync(type, null, firstPage[^1].Key, 2, Ct);
        var lastPage = await Store.ListAsync(type, null, secondPage[^1].Key, 2, Ct);
        Assert.Equal(all.Select(actor => actor.Key), firstPage.Concat(secondPage).Concat(lastPage).Select(actor => actor.Key));

        var onlyA = await Store.ListAsync(type, tenantA, new ActorKey(tenantA, type, "a10"), 100, Ct);
        Assert.Equal(["a9", "b"], onlyA.Select(actor => actor.Key.Id));
        Assert.Equal(["x"], (await Store.ListAsync(type, tenantB, null, 100, Ct)).Select(actor => actor.Key.Id));
    }

    [SkippableFact]
    public async Task Migrating_again_and_from_a_second_instance_changes_nothing()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [Event("Requested")]));

        await Store.MigrateAsync(Ct);
        var second = await OpenStoreAsync();

        Assert.Equal(Migration.For(Dialect).Count, await CountAppliedMigrationsAsync());
        Assert.Equal(1, (await second.ReadAsync(key, Ct))!.Version);
    }

    [SkippableFact]
    public async Task Concurrent_commits_all_land_in_fewer_transactions()
    {
        var tenant = NewTenant();
        var before = TransactionsCommitted(Store);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Store.CommitAsync(new ActorCommit(new ActorKey(tenant, "return", $"rma-{i}"), 0, 0, $$"""{"i":{{i}}}""", [Event("Requested")]), Ct)));

        Assert.All(results, result => Assert.Equal(CommitOutcome.Committed, result.Outcome));
        Assert.Equal(200, (await Store.ListAsync("return", tenant, null, 1000, Ct)).Count);
        Assert.Equal(200, (await Store.ReadTenantEventsAsync(tenant, 0, 1000, Ct)).Count);
        Assert.InRange(TransactionsCommitted(Store) - before, 1, 199);
    }

    [SkippableFact]
    public async Task A_failing_commit_fails_alone_and_its_batch_commits()
    {
        var tenant = NewTenant();
        await RefuseInsertsOfAsync(new ActorKey(tenant, "return", "rma-10"));
        var commits = Enumerable.Range(0, 21)
            .Select(i => new ActorCommit(new ActorKey(tenant, "return", $"rma-{i}"), 0, 0, "{}", [Event("Requested")], Request(tenant, $"req-{i}")))
            .Select(commit => Store.CommitAsync(commit, Ct))
            .ToList();

        await Assert.ThrowsAnyAsync<DbException>(() => commits[10]);
        foreach (var (commit, i) in commits.Select((commit, i) => (commit, i)).Where(pair => pair.i != 10))
        {
            Assert.Equal(CommitOutcome.Committed, (await commit).Outcome);
        }
        Assert.Null(await Store.ReadAsync(new ActorKey(tenant, "return", "rma-10"), Ct));
        Assert.Null(await Store.FindRequestAsync(tenant, "req-10", Ct));
        Assert.Equal(20, (await Store.ListAsync("return", tenant, null, 100, Ct)).Count);
    }

    [SkippableFact]
    public async Task Two_nodes_racing_on_one_actor_cannot_both_commit()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, """{"winner":null}""", [Event("Requested")]));
        var other = await OpenStoreAsync();

        var results = await Task.WhenAll(
            Store.CommitAsync(new ActorCommit(key, 1, 1, """{"winner":"a"}""", [Event("ByA")], Request(key.TenantId, "req-a")), Ct),
            other.CommitAsync(new ActorCommit(key, 1, 1, """{"winner":"b"}""", [Event("ByB")], Request(key.TenantId, "req-b")), Ct));

        Assert.Equal([CommitOutcome.Committed, CommitOutcome.VersionConflict], results.Select(r => r.Outcome).Order());
        var winner = results[0].Outcome == CommitOutcome.Committed ? "a" : "b";
        var loser = winner == "a" ? "b" : "a";
        var record = await Store.ReadAsync(key, Ct);
        Assert.Equal((2, 2), (record!.Version, record.EventSequence));
        Assert.Equal($$"""{"winner":"{{winner}}"}""", record.State);
        Assert.Equal(["Requested", $"By{winner.ToUpperInvariant()}"], (await Store.ReadStreamAsync(key, 0, 10, Ct)).Select(e => e.Type));
        Assert.Null(await Store.FindRequestAsync(key.TenantId, $"req-{loser}", Ct));
    }

    [SkippableFact]
    public async Task Acknowledged_commits_are_there_after_reopening()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, """{"kept":true}""", [Event("Requested")], Request(key.TenantId, "req-1")));

        await Store.DisposeAsync();
        var reopened = await OpenStoreAsync();

        var record = await reopened.ReadAsync(key, Ct);
        Assert.Equal(1, record!.Version);
        Assert.Equal("""{"kept":true}""", record.State);
        Assert.Single(await reopened.ReadStreamAsync(key, 0, 10, Ct));
        Assert.NotNull(await reopened.FindRequestAsync(key.TenantId, "req-1", Ct));
    }

    [SkippableFact]
    public async Task A_commit_cancelled_before_it_is_written_writes_nothing()
    {
        var key = NewKey("return");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Store.CommitAsync(new ActorCommit(key, 0, 0, "{}", [Event("Requested")]), new CancellationToken(canceled: true)));

        Assert.Null(await Store.ReadAsync(key, Ct));
    }

    [SkippableFact]
    public async Task Disposing_answers_every_commit_still_queued()
    {
        var tenant = NewTenant();
        var store = await OpenStoreAsync();
        var commits = Enumerable.Range(0, 100)
            .Select(i => store.CommitAsync(new ActorCommit(new ActorKey(tenant, "return", $"rma-{i}"), 0, 0, "{}", []), Ct))
            .ToList();

        await store.DisposeAsync();

        foreach (var commit in commits)
        {
            // Each is either written before the store closed or failed, never left waiting.
            var finished = await Task.WhenAny(commit, Task.Delay(Timeout.Infinite, Ct));
            Assert.Same(commit, finished);
            if (commit.IsFaulted) Assert.IsType<ObjectDisposedException>(commit.Exception!.InnerException);
            else Assert.Equal(CommitOutcome.Committed, commit.Result.Outcome);
        }
        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            store.CommitAsync(new ActorCommit(new ActorKey(tenant, "return", "late"), 0, 0, "{}", []), Ct));
    }

    [SkippableFact]
    public async Task Times_that_are_not_utc_are_rejected()
    {
        var key = NewKey("return");
        var local = new NewEvent("Requested", "{}", "tester", DateTime.Now);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(new ActorCommit(key, 0, 0, "{}", [local]), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PurgeRequestsAsync(DateTime.Now, Ct));
    }

    protected static string NewTenant() => $"tenant-{Guid.NewGuid():N}";

    protected static ActorKey NewKey(string actorType) => new(NewTenant(), actorType, "rma-1");

    protected static NewEvent Event(string type, string data = "{}") => new(type, data, "tester", At);

    protected static IdempotencyRecord Request(string tenantId, string requestId, string fingerprint = "fp", byte[]? response = null) =>
        new(tenantId, requestId, "CreateReturn", fingerprint, response ?? [42], new DateTime(DateTime.UtcNow.Ticks / 10 * 10, DateTimeKind.Utc));

    protected async Task CommitAsync(ActorCommit commit) =>
        Assert.Equal(CommitOutcome.Committed, (await Store.CommitAsync(commit, Ct)).Outcome);

}
