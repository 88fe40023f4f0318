using System.Data.Common;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sql;

namespace ReverseLogistics.FunctionalTests.Storage;

/// <summary>Counters moved by commits (<see cref="ActorCommit.Counters"/>) and read by <see cref="IActorStore.ReadCountersAsync"/>.</summary>
public abstract partial class ActorStoreContractTests
{
    private const string Sold = "sold.day";

    [SkippableFact]
    public async Task Counters_move_with_their_commit_and_several_deltas_to_one_counter_add_up()
    {
        var key = NewKey("return");

        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [Event("Requested")],
            Counters: [new(Sold, "2026-03-14", 3), new(Sold, "2026-03-15", 1), new(Sold, "2026-03-14", 2), new("other", "2026-03-14", 7)]));
        await CommitAsync(new ActorCommit(key, 1, 1, "{}", [], Counters: [new(Sold, "2026-03-15", -1), new(Sold, "2026-03-16", 4)]));

        Assert.Equal([("2026-03-14", 5L), ("2026-03-15", 0L), ("2026-03-16", 4L)], await ReadAsync(key.TenantId, Sold, new CounterRange("2026", "2027")));
        Assert.Equal([("2026-03-14", 7L)], await ReadAsync(key.TenantId, "other", new CounterRange("", "~")));
    }

    [SkippableFact]
    public async Task A_commit_that_loses_its_version_check_moves_no_counter()
    {
        var key = NewKey("return");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [new(Sold, "d", 1)]));

        var stale = await Store.CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [new(Sold, "d", 10), new(Sold, "e", 1)]), Ct);
        var stale2 = await Store.CommitAsync(new ActorCommit(key, 5, 0, "{}", [], Counters: [new(Sold, "d", 100)]), Ct);

        Assert.Equal((CommitOutcome.VersionConflict, CommitOutcome.VersionConflict), (stale.Outcome, stale2.Outcome));
        Assert.Equal([("d", 1L)], await ReadAsync(key.TenantId, Sold, new CounterRange("a", "z")));
    }

    [SkippableFact]
    public async Task A_duplicate_request_moves_no_counter()
    {
        var key = NewKey("return");
        var commit = new ActorCommit(key, 0, 0, "{}", [], Request(key.TenantId, "req-1"), Counters: [new(Sold, "d", 1)]);
        await CommitAsync(commit);

        var retried = await Store.CommitAsync(commit, Ct);
        var elsewhere = await Store.CommitAsync(commit with { Key = key with { Id = "rma-2" } }, Ct);

        Assert.Equal((CommitOutcome.DuplicateRequest, CommitOutcome.DuplicateRequest), (retried.Outcome, elsewhere.Outcome));
        Assert.Equal([("d", 1L)], await ReadAsync(key.TenantId, Sold, new CounterRange("a", "z")));
    }

    [SkippableFact]
    public async Task The_deltas_of_the_commits_a_batch_writes_are_summed_and_the_losers_count_for_nothing()
    {
        var tenant = NewTenant();
        var existing = new ActorKey(tenant, "return", "existing");
        await CommitAsync(new ActorCommit(existing, 0, 0, "{}", []));
        var before = TransactionsCommitted(Store);

        // 200 new actors each add 1 to one counter and more to their own; 20 stale commits of one actor would add 1,000 each.
        var winners = Enumerable.Range(0, 200).Select(i => Store.CommitAsync(new ActorCommit(new ActorKey(tenant, "return", $"rma-{i:D3}"), 0, 0, "{}", [],
            Counters: [new(Sold, "all", 1), new(Sold, $"rma-{i:D3}", i + 1)]), Ct));
        var losers = Enumerable.Range(0, 20).Select(_ => Store.CommitAsync(new ActorCommit(existing, 7, 0, "{}", [],
            Counters: [new(Sold, "all", 1_000)]), Ct));
        var results = await Task.WhenAll(winners.Concat(losers));

        Assert.Equal(200, results.Count(r => r.Outcome == CommitOutcome.Committed));
        Assert.Equal(20, results.Count(r => r.Outcome == CommitOutcome.VersionConflict));
        Assert.InRange(TransactionsCommitted(Store) - before, 1, 219);
        Assert.Equal([("all", 200L)], await ReadAsync(tenant, Sold, CounterRange.Exactly("all")));
        var each = await ReadAsync(tenant, Sold, CounterRange.Prefix("rma-"));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => ($"rma-{i:D3}", i + 1L)), each);
    }

    [SkippableFact]
    public async Task A_commit_that_fails_in_its_batch_moves_no_counter_and_the_rest_of_the_batch_moves_theirs()
    {
        var tenant = NewTenant();
        await RefuseInsertsOfAsync(new ActorKey(tenant, "return", "rma-10"));
        var commits = Enumerable.Range(0, 21)
            .Select(i => new ActorCommit(new ActorKey(tenant, "return", $"rma-{i}"), 0, 0, "{}", [Event("Requested")], Request(tenant, $"req-{i}"),
                Counters: [new(Sold, "all", 1), new(Sold, $"rma-{i}", 1)]))
            .Select(commit => Store.CommitAsync(commit, Ct))
            .ToList();

        await Assert.ThrowsAnyAsync<DbException>(() => commits[10]);
        foreach (var commit in commits.Where((_, i) => i != 10)) Assert.Equal(CommitOutcome.Committed, (await commit).Outcome);
        Assert.Equal([("all", 20L)], await ReadAsync(tenant, Sold, CounterRange.Exactly("all")));
        Assert.Empty(await ReadAsync(tenant, Sold, CounterRange.Exactly("rma-10")));
        Assert.Equal(20, (await ReadAsync(tenant, Sold, CounterRange.Prefix("rma-"))).Count);
    }

    [SkippableFact]
    public async Task A_range_reads_from_inclusive_to_exclusive_in_key_order_and_several_ranges_read_together()
    {
        var key = NewKey("sales");
        string[] days = ["2026-02-28", "2026-03-01", "2026-03-01|SKU-1", "2026-03-31|SKU-2", "2026-04-01", "2026-04-01|SKU-1", "2026-05"];
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [.. days.Select((day, i) => new CounterDelta(Sold, day, i + 1))]));

        Assert.Equal([("2026-03-01", 2L), ("2026-03-01|SKU-1", 3L), ("2026-03-31|SKU-2", 4L)],
            await ReadAsync(key.TenantId, Sold, new CounterRange("2026-03-01", "2026-04-01")));
        Assert.Equal([("2026-02-28", 1L), ("2026-04-01|SKU-1", 6L), ("2026-05", 7L)], await ReadAsync(key.TenantId, Sold,
            CounterRange.Exactly("2026-05"), CounterRange.Exactly("2026-04-01|SKU-1"), new CounterRange("2026-02", "2026-03")));
        Assert.Equal([("2026-03-01|SKU-1", 3L)], await ReadAsync(key.TenantId, Sold, CounterRange.Exactly("2026-03-01|SKU-1")));
        Assert.Empty(await ReadAsync(key.TenantId, Sold, new CounterRange("2026-04-02", "2026-05")));
    }

    [SkippableFact]
    public async Task Counters_page_by_key_after_the_last_one_read()
    {
        var key = NewKey("sales");
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [.. Enumerable.Range(1, 5).Select(i => new CounterDelta(Sold, $"k{i}", i))]));
        var all = new CounterRange("k", "l");

        var first = await Store.ReadCountersAsync(new CounterQuery(key.TenantId, Sold, [all], Limit: 2), Ct);
        var second = await Store.ReadCountersAsync(new CounterQuery(key.TenantId, Sold, [all], Limit: 2, AfterKey: first[^1].Key), Ct);
        var last = await Store.ReadCountersAsync(new CounterQuery(key.TenantId, Sold, [all], Limit: 2, AfterKey: second[^1].Key), Ct);

        Assert.Equal(["k1", "k2", "k3", "k4", "k5"], first.Concat(second).Concat(last).Select(c => c.Key));
    }

    [SkippableFact]
    public async Task A_tenant_reads_only_its_own_counters_and_across_tenants_each_tenants_counter_reads_apart()
    {
        // A name of this test's own, so that other tests' tenants do not show across tenants.
        var name = $"centre-{Guid.NewGuid():N}";
        var prefix = Guid.NewGuid().ToString("N");
        var (mine, theirs) = (new ActorKey($"{prefix}-a", "return", "rma-1"), new ActorKey($"{prefix}-b", "return", "rma-1"));
        await CommitAsync(new ActorCommit(mine, 0, 0, "{}", [], Counters: [new(name, "2026-03-01|FC-1", 2), new(name, "2026-03-02|FC-1", 1)]));
        await CommitAsync(new ActorCommit(theirs, 0, 0, "{}", [], Counters: [new(name, "2026-03-01|FC-1", 5), new(name, "2026-03-01|FC-2", 1)]));
        var march = new CounterRange("2026-03", "2026-04");

        Assert.Equal([("2026-03-01|FC-1", 2L), ("2026-03-02|FC-1", 1L)], await ReadAsync(mine.TenantId, name, march));
        Assert.Equal([("2026-03-01|FC-1", 5L), ("2026-03-01|FC-2", 1L)], await ReadAsync(theirs.TenantId, name, march));
        var across = await Store.ReadCountersAsync(new CounterQuery(null, name, [march]), Ct);
        Assert.Equal(
            [new(mine.TenantId, "2026-03-01|FC-1", 2), new(theirs.TenantId, "2026-03-01|FC-1", 5), new(theirs.TenantId, "2026-03-01|FC-2", 1),
             new CounterValue(mine.TenantId, "2026-03-02|FC-1", 1)],
            across);
        var paged = await Store.ReadCountersAsync(new CounterQuery(null, name, [march], AfterKey: "2026-03-01|FC-1", AfterTenantId: mine.TenantId), Ct);
        Assert.Equal(across.Skip(1), paged);
    }

    [SkippableFact]
    public async Task A_tenant_only_counter_reads_within_its_tenant_and_is_refused_across_tenants()
    {
        var key = NewKey("return");
        var name = TenantOnlyCounters.CustomerReturnsByCustomer;
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [new(name, "C-1|2026-03-01", 1)]));
        var march = new CounterRange("C-1|2026-03", "C-1|2026-04");

        Assert.Equal([("C-1|2026-03-01", 1L)], await ReadAsync(key.TenantId, name, march));
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadCountersAsync(new CounterQuery(null, name, [march]), Ct));
        Assert.Contains("within its tenant", refused.Message);
    }

    [SkippableFact]
    public async Task Counter_names_and_keys_are_checked_before_anything_is_written()
    {
        var key = NewKey("return");

        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [new("", "k", 1)]), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [new(Sold, "a\0b", 1)]), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(
            new ActorCommit(key, 0, 0, "{}", [], Counters: [new(Sold, new string('é', 513), 1)]), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CommitAsync(
            new ActorCommit(key, 0, 0, "{}", [], Counters: [new(new string('n', 65), "k", 1)]), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadCountersAsync(new CounterQuery(key.TenantId, Sold, []), Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadCountersAsync(
            new CounterQuery(key.TenantId, Sold, [new CounterRange("2026-03", "2026-05"), new CounterRange("2026-04", "2026-06")]), Ct));
        Assert.Null(await Store.ReadAsync(key, Ct));

        // The longest key allowed, in characters of several bytes, fits both stores' indexes.
        var longest = new string('é', ReverseLogistics.Storage.StoreArguments.MaxCounterKeyBytes / 2);
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [new(new string('n', 64), longest, 1)]));
        Assert.Equal([(longest, 1L)], await ReadAsync(key.TenantId, new string('n', 64), CounterRange.Exactly(longest)));
    }

    [SkippableFact]
    public async Task The_migration_retiring_units_returned_deletes_those_counters_and_no_other()
    {
        var key = NewKey("return");
        string[] retired = ["units_returned.all.day", "units_returned.all.month", "units_returned.category.day",
            "units_returned.category.month", "units_returned.sku.day", "units_returned.sku.month"];
        string[] kept = ["returns.sku.day", "reasons.sku.month", "units_returned", "units_returned.sku.week"];
        await CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Counters: [.. retired.Concat(kept).Select(name => new CounterDelta(name, "2026-03|SKU-1", 2))]));
        var migration = Migration.For(Dialect).Single(m => m.Name == "drop_units_returned_counters");

        await ExecuteOnTheCountersTableAsync(migration.Sql);

        var every = new CounterRange("", "~");
        foreach (var name in retired) Assert.Empty(await ReadAsync(key.TenantId, name, every));
        foreach (var name in kept) Assert.Equal([("2026-03|SKU-1", 2L)], await ReadAsync(key.TenantId, name, every));
    }

    private async Task<IReadOnlyList<(string Key, long Value)>> ReadAsync(string tenantId, string name, params CounterRange[] ranges) =>
        [.. (await Store.ReadCountersAsync(new CounterQuery(tenantId, name, ranges), Ct)).Select(c => (c.Key, c.Value))];
}
