using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.FunctionalTests.Storage;

/// <summary>The index entries written with commits (<see cref="ActorCommit.Index"/>) and the queries over them.</summary>
public abstract partial class ActorStoreContractTests
{
    [SkippableFact]
    public async Task Index_entries_are_written_with_the_commit_and_replaced_by_the_next_index()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: [new("status", "requested"), new("order", "SO-1")]));

        Assert.Equal([key], await FindAsync(key, IndexCondition.Equal("status", "requested")));
        Assert.Equal([key], await FindAsync(key, IndexCondition.Equal("order", "SO-1")));

        await CommitAsync(new ActorCommit(key, 1, 0, "{}", [], Index: [new("status", "approved")]));

        Assert.Empty(await FindAsync(key, IndexCondition.Equal("status", "requested")));
        Assert.Empty(await FindAsync(key, IndexCondition.Equal("order", "SO-1")));
        Assert.Equal([key], await FindAsync(key, IndexCondition.Equal("status", "approved")));
    }

    [SkippableFact]
    public async Task An_update_keeps_the_entries_it_repeats_drops_the_ones_it_omits_and_adds_the_new_ones()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [],
            Index: [new("status", "requested"), new("tag", "a"), new("tag", "b"), new("order", "SO-1")]));

        await CommitAsync(new ActorCommit(key, 1, 0, "{}", [],
            Index: [new("status", "approved"), new("tag", "b"), new("tag", "c"), new("order", "SO-1"), new("order", "SO-1")]));

        Assert.Empty(await FindAsync(key, IndexCondition.Equal("status", "requested")));
        Assert.Empty(await FindAsync(key, IndexCondition.Equal("tag", "a")));
        foreach (var (name, value) in new[] { ("status", "approved"), ("tag", "b"), ("tag", "c"), ("order", "SO-1") })
            Assert.Equal([key], await FindAsync(key, IndexCondition.Equal(name, value)));
    }

    [SkippableFact]
    public async Task A_commit_without_an_index_leaves_the_entries_and_an_empty_one_removes_them()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: [new("status", "requested")]));

        await CommitAsync(new ActorCommit(key, 1, 0, """{"n":2}""", [Event("Noted")]));
        Assert.Equal([key], await FindAsync(key, IndexCondition.Equal("status", "requested")));

        await CommitAsync(new ActorCommit(key, 2, 1, "{}", [], Index: []));
        Assert.Empty(await FindAsync(key, IndexCondition.Range("status")));
    }

    [SkippableFact]
    public async Task A_version_conflict_or_duplicate_request_writes_no_index_entries()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Request(key.TenantId, "req-1"), [new("status", "requested")]));

        var stale = await Store.CommitAsync(new ActorCommit(key, 5, 0, "{}", [], Index: [new("status", "stale")]), Ct);
        var duplicate = await Store.CommitAsync(new ActorCommit(key, 1, 0, "{}", [], Request(key.TenantId, "req-1"), [new("status", "duplicate")]), Ct);
        var created = await Store.CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: [new("status", "recreated")]), Ct);
        var missing = new ActorKey(key.TenantId, key.ActorType, "never-created");
        var ghost = await Store.CommitAsync(new ActorCommit(missing, 1, 0, "{}", [], Index: [new("status", "ghost")]), Ct);

        Assert.Equal(
            [CommitOutcome.VersionConflict, CommitOutcome.DuplicateRequest, CommitOutcome.VersionConflict, CommitOutcome.VersionConflict],
            new[] { stale, duplicate, created, ghost }.Select(result => result.Outcome));
        Assert.Equal([key], await FindAsync(key, IndexCondition.Range("status")));
        Assert.Equal([key], await FindAsync(key, IndexCondition.Equal("status", "requested")));
        Assert.Equal(1, await Store.CountAsync(Query(key.TenantId), Ct));
    }

    [SkippableFact]
    public async Task Two_nodes_racing_to_create_and_update_one_actor_leave_only_the_winners_entries()
    {
        var key = NewKey("return");
        var other = await OpenStoreAsync();

        var created = await Task.WhenAll(
            Store.CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: [new("by", "a"), new("step", "create")]), Ct),
            other.CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: [new("by", "b"), new("step", "create")]), Ct));
        var updated = await Task.WhenAll(
            Store.CommitAsync(new ActorCommit(key, 1, 0, "{}", [], Index: [new("by", "a"), new("step", "update")]), Ct),
            other.CommitAsync(new ActorCommit(key, 1, 0, "{}", [], Index: [new("by", "b"), new("step", "update")]), Ct));

        Assert.Equal([CommitOutcome.Committed, CommitOutcome.VersionConflict], created.Select(r => r.Outcome).Order());
        Assert.Equal([CommitOutcome.Committed, CommitOutcome.VersionConflict], updated.Select(r => r.Outcome).Order());
        var winner = updated[0].Outcome == CommitOutcome.Committed ? "a" : "b";
        Assert.Equal([key], await FindAsync(key, IndexCondition.Equal("by", winner)));
        Assert.Equal([key], await FindAsync(key, IndexCondition.Equal("step", "update")));
        Assert.Empty(await FindAsync(key, IndexCondition.Equal("by", winner == "a" ? "b" : "a")));
        Assert.Empty(await FindAsync(key, IndexCondition.Equal("step", "create")));
    }

    [SkippableFact]
    public async Task Equality_conditions_all_have_to_hold()
    {
        var tenant = NewTenant();
        await CommitIndexedAsync(tenant, "a", ("status", "approved"), ("customer", "c1"));
        await CommitIndexedAsync(tenant, "b", ("status", "approved"), ("customer", "c2"));
        await CommitIndexedAsync(tenant, "c", ("status", "rejected"), ("customer", "c1"));

        Assert.Equal(["a", "b"], await FindIdsAsync(Query(tenant, IndexCondition.Equal("status", "approved"))));
        Assert.Equal(["a"], await FindIdsAsync(Query(tenant, IndexCondition.Equal("status", "approved"), IndexCondition.Equal("customer", "c1"))));
        Assert.Equal(["c"], await FindIdsAsync(Query(tenant, IndexCondition.Equal("customer", "c1"), IndexCondition.Equal("status", "rejected"))));
        Assert.Empty(await FindIdsAsync(Query(tenant, IndexCondition.Equal("status", "rejected"), IndexCondition.Equal("customer", "c2"))));
        Assert.Empty(await FindIdsAsync(Query(tenant, IndexCondition.Equal("status", "c1"))));
    }

    [SkippableFact]
    public async Task A_range_takes_its_lower_bound_inclusive_and_its_upper_bound_exclusive()
    {
        var tenant = NewTenant();
        await CommitIndexedAsync(tenant, "early", ("created", "2026-11-20T08:00:00.0000000Z"));
        await CommitIndexedAsync(tenant, "on-from", ("created", "2026-11-21T00:00:00.0000000Z"));
        await CommitIndexedAsync(tenant, "between", ("created", "2026-11-21T12:30:00.0000000Z"), ("status", "approved"));
        await CommitIndexedAsync(tenant, "on-to", ("created", "2026-11-22T00:00:00.0000000Z"));
        await CommitIndexedAsync(tenant, "unindexed");
        const string from = "2026-11-21T00:00:00.0000000Z", to = "2026-11-22T00:00:00.0000000Z";

        Assert.Equal(["between", "on-from"], await FindIdsAsync(Query(tenant, IndexCondition.Range("created", from, to))));
        Assert.Equal(["between", "on-from", "on-to"], await FindIdsAsync(Query(tenant, IndexCondition.Range("created", from: from))));
        Assert.Equal(["between", "early", "on-from"], await FindIdsAsync(Query(tenant, IndexCondition.Range("created", to: to))));
        Assert.Equal(["between", "early", "on-from", "on-to"], await FindIdsAsync(Query(tenant, IndexCondition.Range("created"))));
        Assert.Equal(["between"], await FindIdsAsync(Query(tenant, IndexCondition.Range("created", from, to), IndexCondition.Equal("status", "approved"))));
        Assert.Empty(await FindIdsAsync(Query(tenant, IndexCondition.Range("created", to, from))));
    }

    [SkippableFact]
    public async Task An_actor_with_several_values_under_one_name_matches_each_and_is_listed_once()
    {
        var tenant = NewTenant();
        await CommitIndexedAsync(tenant, "multi", ("order", "SO-1"), ("order", "SO-2"), ("order", "SO-3"), ("order", "SO-2"));
        await CommitIndexedAsync(tenant, "single", ("order", "SO-2"));

        Assert.Equal(["multi"], await FindIdsAsync(Query(tenant, IndexCondition.Equal("order", "SO-1"))));
        Assert.Equal(["multi", "single"], await FindIdsAsync(Query(tenant, IndexCondition.Equal("order", "SO-2"))));
        Assert.Equal(["multi"], await FindIdsAsync(Query(tenant, IndexCondition.Equal("order", "SO-1"), IndexCondition.Equal("order", "SO-3"))));
        Assert.Equal(["multi", "single"], await FindIdsAsync(Query(tenant, IndexCondition.Range("order", "SO-1", "SO-9"))));
        Assert.Equal(2, await Store.CountAsync(Query(tenant, IndexCondition.Range("order", "SO-1", "SO-9")), Ct));
    }

    [SkippableFact]
    public async Task Another_tenants_or_types_actors_never_match()
    {
        var mine = NewTenant();
        var theirs = NewTenant();
        await CommitIndexedAsync(mine, "rma-1", ("customer", "c1"));
        await CommitIndexedAsync(theirs, "rma-1", ("customer", "c1"));
        await CommitIndexedAsync(theirs, "rma-2", ("customer", "c1"));
        await CommitAsync(new ActorCommit(new ActorKey(mine, "label", "rma-3"), 0, 0, "{}", [], Index: [new("customer", "c1")]));

        var found = await Store.FindAsync(Query(mine, IndexCondition.Equal("customer", "c1")), Ct);

        Assert.Equal([new ActorKey(mine, "return", "rma-1")], found);
        Assert.Equal(1, await Store.CountAsync(Query(mine, IndexCondition.Equal("customer", "c1")), Ct));
        Assert.Equal(1, await Store.CountAsync(Query(mine), Ct));
        Assert.Equal(2, await Store.CountAsync(Query(theirs, IndexCondition.Range("customer")), Ct));
    }

    [SkippableFact]
    public async Task Results_are_ordered_by_id_ordinally_and_page_after_an_id_in_both_directions()
    {
        var tenant = NewTenant();
        foreach (var id in new[] { "b", "a9", "B", "a10", "c" }) await CommitIndexedAsync(tenant, id, ("status", id == "c" ? "closed" : "open"));
        var open = Query(tenant, IndexCondition.Equal("status", "open")) with { Limit = 2 };

        Assert.Equal(["B", "a10"], await FindIdsAsync(open));
        Assert.Equal(["a9", "b"], await FindIdsAsync(open with { AfterId = "a10" }));
        Assert.Empty(await FindIdsAsync(open with { AfterId = "b" }));
        Assert.Equal(["a9"], await FindIdsAsync(open with { AfterId = "a10", Limit = 1 }));

        var descending = open with { Descending = true };
        Assert.Equal(["b", "a9"], await FindIdsAsync(descending));
        Assert.Equal(["a10", "B"], await FindIdsAsync(descending with { AfterId = "a9" }));
        Assert.Empty(await FindIdsAsync(descending with { AfterId = "B" }));

        Assert.Equal(4, await Store.CountAsync(open with { AfterId = "b", Limit = 1 }, Ct));
        Assert.Equal(["B", "a10", "a9", "b", "c"], await FindIdsAsync(Query(tenant)));
    }

    [SkippableFact]
    public async Task Empty_or_oversized_names_and_values_are_rejected()
    {
        var key = NewKey("return");
        var tooLong = new string('x', 257);
        IndexEntry[][] badEntries = [[new("", "v")], [new("n", "")], [new(tooLong, "v")], [new("n", tooLong)]];
        IndexCondition[] badConditions =
        [
            IndexCondition.Equal("", "v"), IndexCondition.Equal("n", ""), IndexCondition.Equal(tooLong, "v"),
            IndexCondition.Equal("n", tooLong), IndexCondition.Range("n", from: ""), IndexCondition.Range("n", to: tooLong),
        ];

        foreach (var entries in badEntries)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: entries), Ct));
        }
        foreach (var condition in badConditions)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.FindAsync(Query(key.TenantId, condition), Ct));
            await Assert.ThrowsAsync<ArgumentException>(() => Store.CountAsync(Query(key.TenantId, condition), Ct));
        }
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.FindAsync(Query(key.TenantId) with { Limit = 0 }, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.FindAsync(Query(key.TenantId) with { AfterId = "" }, Ct));
        Assert.Null(await Store.ReadAsync(key, Ct));

        var longest = new string('x', 256);
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: [new(longest, longest)]));
        Assert.Equal([key], await FindAsync(key, IndexCondition.Equal(longest, longest)));
    }

    [SkippableFact]
    public async Task A_lookup_across_tenants_finds_the_entry_in_every_tenant_and_only_that_entry()
    {
        var (first, second, third) = (NewKey("return"), NewKey("return"), NewKey("return"));
        var parcel = "RL" + Guid.NewGuid().ToString("N");
        await CommitAsync(new ActorCommit(first, 0, 0, "{}", [], Index: [new("tracking", parcel)]));
        await CommitAsync(new ActorCommit(second, 0, 0, "{}", [], Index: [new("tracking", parcel), new("status", "open")]));
        await CommitAsync(new ActorCommit(third, 0, 0, "{}", [], Index: [new("tracking", parcel + "-other"), new("other", parcel)]));
        await CommitAsync(new ActorCommit(first with { ActorType = "label" }, 0, 0, "{}", [], Index: [new("tracking", parcel)]));

        var found = await Store.FindAcrossTenantsAsync("return", "tracking", parcel, 10, Ct);
        var limited = await Store.FindAcrossTenantsAsync("return", "tracking", parcel, 1, Ct);

        Assert.Equal(new[] { first, second }.OrderBy(k => k.TenantId, StringComparer.Ordinal), found);
        Assert.Equal(found.Take(1), limited);
        Assert.Empty(await Store.FindAcrossTenantsAsync("return", "tracking", parcel + "-missing", 10, Ct));
    }

    [SkippableFact]
    public async Task A_lookup_across_tenants_is_refused_for_a_name_kept_out_of_the_across_tenants_index()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: [new("status", "open")]));

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.FindAcrossTenantsAsync("return", "status", "open", 10, Ct));

        Assert.Contains("id, tracking", refused.Message);
    }

    [SkippableFact]
    public async Task A_lookup_across_tenants_sees_an_entry_gone_once_the_next_index_replaces_it()
    {
        var key = NewKey("return");
        var parcel = "RL" + Guid.NewGuid().ToString("N");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: [new("tracking", parcel)]));
        await CommitAsync(new ActorCommit(key, 1, 0, "{}", [], Index: [new("tracking", parcel + "-relabelled")]));

        Assert.Empty(await Store.FindAcrossTenantsAsync("return", "tracking", parcel, 10, Ct));
        Assert.Equal([key], await Store.FindAcrossTenantsAsync("return", "tracking", parcel + "-relabelled", 10, Ct));
    }

    /// <summary>
    /// Turns <paramref name="fresh"/>'s database (migrated, unused) back into one an earlier
    /// release migrated through 0001 only, then checks the next migration applies just 0002.
    /// </summary>
    protected async Task AssertADatabaseAtTheFirstMigrationGetsTheRest(IActorStore fresh, Func<string, Task> execute, Func<Task<long>> countApplied)
    {
        await execute("DROP TABLE actor_index");
        await execute("DROP TABLE counters");
        await execute("DELETE FROM schema_migrations WHERE version > 1");
        Assert.Equal(1, await countApplied());

        await fresh.MigrateAsync(Ct);

        Assert.Equal(Migration.For(Dialect).Count, await countApplied());
        var key = NewKey("return");
        Assert.Equal(CommitOutcome.Committed, (await fresh.CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: [new("status", "open")]), Ct)).Outcome);
        Assert.Equal([key], await fresh.FindAsync(Query(key.TenantId, IndexCondition.Equal("status", "open")), Ct));
    }

    protected static IndexQuery Query(string tenantId, params IndexCondition[] conditions) => new(tenantId, "return", conditions);

    protected Task<IReadOnlyList<ActorKey>> FindAsync(ActorKey key, IndexCondition condition) =>
        Store.FindAsync(new IndexQuery(key.TenantId, key.ActorType, [condition]), Ct);

    private async Task<IEnumerable<string>> FindIdsAsync(IndexQuery query) => (await Store.FindAsync(query, Ct)).Select(key => key.Id);

    private Task CommitIndexedAsync(string tenantId, string id, params (string Name, string Value)[] entries) =>
        CommitAsync(new ActorCommit(new ActorKey(tenantId, "return", id), 0, 0, "{}", [], Index: [.. entries.Select(e => new IndexEntry(e.Name, e.Value))]));
}
