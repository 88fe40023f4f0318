using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Silo.Analytics;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Sqlite;
using ReverseLogistics.Testing;

namespace ReverseLogistics.FunctionalTests.Analytics;

/// <summary>Returns stored before analytics are counted in once, when a node starts, by commits of their own.</summary>
public sealed class AnalyticsBackfillTests : IDisposable
{
    private const string Tenant = "t-backfill";
    private readonly string directory = Directory.CreateTempSubdirectory("rl-backfill-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Returns_stored_before_analytics_are_counted_once_and_a_finished_backfill_does_not_run_again()
    {
        await using (var store = new SqliteActorStore(directory))
        {
            await store.MigrateAsync(CancellationToken.None);
            await StoreAsync(store, "r-old-1", counted: false);
            await StoreAsync(store, "r-old-2", counted: false, ReturnState.Cancelled);
            await StoreAsync(store, "r-new", counted: true);
        }

        var silo = await InProcessSilo.StartAsync(new SiloOptions { DataDirectory = directory, OperatorKey = "rl-backfill-operator" });
        long countedAtStart;
        long countedAgain;
        IReadOnlyList<CounterValue> returns;
        ActorRecord? old;
        ActorRecord? mark;
        try
        {
            var backfill = silo.Services.GetRequiredService<AnalyticsBackfill>();
            countedAtStart = await backfill.Completion.WaitAsync(TimeSpan.FromSeconds(60));
            countedAgain = await backfill.RunAsync(CancellationToken.None);
            var store = silo.Services.GetRequiredService<IActorStore>();
            returns = await store.ReadCountersAsync(new CounterQuery(Tenant, "returns.all.day", [CounterRange.Exactly("2026-11-22")]), CancellationToken.None);
            old = await store.ReadAsync(new ActorKey(Tenant, ReturnGrain.TypeName, "r-old-1"), CancellationToken.None);
            mark = await store.ReadAsync(AnalyticsBackfill.Key, CancellationToken.None);
        }
        finally
        {
            await silo.DisposeAsync();
        }

        Assert.Equal((2L, 0L), (countedAtStart, countedAgain)); // the cancelled one is counted in too: its facet, contributing nothing
        Assert.Equal(2, Assert.Single(returns).Value);
        Assert.Equal(ReturnAnalytics.CurrentFacets, JsonSerializer.Deserialize<ReturnRecord>(old!.State, DomainJson.Options)!.AnalyticsFacets);
        Assert.True(JsonSerializer.Deserialize<AnalyticsBackfillState>(mark!.State, DomainJson.Options)!.Done);
    }

    /// <summary>A return as the platform stores it; <paramref name="counted"/> false: as it was stored before analytics, without facets or counters.</summary>
    private static async Task StoreAsync(IActorStore store, string id, bool counted, ReturnState? state = null)
    {
        var request = Samples.Request();
        var eligibility = ReturnEligibility.Check(Samples.Policy, request, Samples.Now, CustomerHistory.None);
        var rma = new Return(id, new ReturnRecord());
        rma.Open(new ReturnDraft(request, "Jane Doe", false, Samples.Policy, eligibility, "Old Merchant"), Samples.Now);
        if (state is { } changed) rma.Record.Rma.State = changed;
        if (!counted) rma.Record.AnalyticsFacets = [];
        var result = await store.CommitAsync(new ActorCommit(new ActorKey(Tenant, ReturnGrain.TypeName, id), 0, 0,
            JsonSerializer.Serialize(rma.Record, DomainJson.Options), [], Index: ReturnIndex.Of(id, rma.Record),
            Counters: counted ? CounterDeltas.Of(null, ReturnAnalytics.Of(rma.Record)) : null), CancellationToken.None);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
    }
}
