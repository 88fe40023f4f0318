using ReverseLogistics.Storage;

namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>The sweeps' query: due timers of one kind across every tenant, earliest first, paged by keyset, on both stores.</summary>
public abstract class DueIndexTests : IAsyncLifetime
{
    private static readonly DateTime Noon = new(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc);
    private IActorStore? store;

    protected abstract string? SkipReason { get; }

    protected abstract Task<IActorStore> OpenStoreAsync();

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        store = await OpenStoreAsync();
        await store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (store is not null) await store.DisposeAsync();
    }

    [SkippableFact]
    public async Task Due_actors_of_every_tenant_come_earliest_first_and_only_those_due()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await SaveAsync("tenant-b", "r1", DueIndex.Entry("label_expiry", Noon.AddHours(-1)));
        await SaveAsync("tenant-a", "r2", DueIndex.Entry("label_expiry", Noon.AddHours(-2)), new IndexEntry("status", "LabelIssued"));
        await SaveAsync("tenant-a", "r3", DueIndex.Entry("label_expiry", Noon.AddHours(1)));
        await SaveAsync("tenant-c", "r4", DueIndex.Entry("inspection_sla", Noon.AddHours(-3)));
        await SaveAsync("tenant-c", "r5", DueIndex.Entry("label_expiry", Noon));

        var due = await store!.FindDueAsync("return", "label_expiry", Noon, after: null, limit: 10, CancellationToken.None);

        Assert.Equal(["tenant-a/r2", "tenant-b/r1", "tenant-c/r5"], due.Select(d => $"{d.Key.TenantId}/{d.Key.Id}"));
        Assert.Equal([Noon.AddHours(-2), Noon.AddHours(-1), Noon], due.Select(d => d.DueAt));
        Assert.Empty(await store.FindDueAsync("tenant", "label_expiry", Noon, null, 10, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Pages_follow_on_from_the_last_actor_of_the_page_before_even_at_equal_times()
    {
        Skip.If(SkipReason is not null, SkipReason);
        foreach (var id in new[] { "r1", "r2", "r3", "r4", "r5" }) await SaveAsync(id == "r3" ? "tenant-a" : "tenant-b", id, DueIndex.Entry("inspection_sla", Noon));

        var seen = new List<string>();
        DueActor? after = null;
        while (true)
        {
            var page = await store!.FindDueAsync("return", "inspection_sla", Noon, after, limit: 2, CancellationToken.None);
            seen.AddRange(page.Select(d => $"{d.Key.TenantId}/{d.Key.Id}"));
            if (page.Count < 2) break;
            after = page[^1];
        }

        Assert.Equal(["tenant-a/r3", "tenant-b/r1", "tenant-b/r2", "tenant-b/r4", "tenant-b/r5"], seen);
    }

    [SkippableFact]
    public async Task A_timer_leaves_the_index_with_the_commit_that_drops_its_entry()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var key = await SaveAsync("tenant-a", "r1", DueIndex.Entry("label_expiry", Noon.AddDays(-1)));
        await store!.CommitAsync(new ActorCommit(key, 1, 0, "{}", [], Index: [new IndexEntry("status", "Expired")]), CancellationToken.None);

        Assert.Empty(await store.FindDueAsync("return", "label_expiry", Noon, null, 10, CancellationToken.None));
    }

    private async Task<ActorKey> SaveAsync(string tenantId, string id, params IndexEntry[] index)
    {
        var key = new ActorKey(tenantId, "return", id);
        var result = await store!.CommitAsync(new ActorCommit(key, 0, 0, "{}", [], Index: index), CancellationToken.None);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
        return key;
    }
}
