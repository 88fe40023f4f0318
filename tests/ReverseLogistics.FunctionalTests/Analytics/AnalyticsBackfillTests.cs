using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Routing;
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

    [Fact]
    public async Task A_return_counted_before_the_centres_facet_gets_its_centres_figures_from_the_backfill_and_its_return_figures_stay()
    {
        await using (var store = new SqliteActorStore(directory))
        {
            await store.MigrateAsync(CancellationToken.None);
            await StoreAsync(store, "r-received", counted: true, received: true);
        }

        var silo = await InProcessSilo.StartAsync(new SiloOptions { DataDirectory = directory, OperatorKey = "rl-backfill-operator" });
        IReadOnlyList<CounterValue> returns, arrivals, received;
        try
        {
            Assert.Equal(1L, await silo.Services.GetRequiredService<AnalyticsBackfill>().Completion.WaitAsync(TimeSpan.FromSeconds(60)));
            var store = silo.Services.GetRequiredService<IActorStore>();
            returns = await store.ReadCountersAsync(new CounterQuery(Tenant, "returns.all.day", [CounterRange.Exactly("2026-11-22")]), CancellationToken.None);
            arrivals = await store.ReadCountersAsync(new CounterQuery(null, CenterCounters.Arrivals, [CounterRange.Exactly("FC-DEFAULT|2026-11-22")]), CancellationToken.None);
            received = await store.ReadCountersAsync(new CounterQuery(null, CenterCounters.UnitsReceived, [CounterRange.Exactly("FC-DEFAULT|2026-11-22")]), CancellationToken.None);
        }
        finally
        {
            await silo.DisposeAsync();
        }

        Assert.Equal(1, Assert.Single(returns).Value);
        Assert.Equal((Tenant, 1L), (Assert.Single(arrivals).TenantId, arrivals[0].Value));
        Assert.Equal(1, Assert.Single(received).Value);
    }

    /// <summary>A return as the platform stores it; <paramref name="counted"/> false: as it was stored before analytics, without facets or counters.</summary>
    /// <paramref name="received"/>: its one unit received at the default centre, counted only in the return's facet (before the centres' one).
    private static async Task StoreAsync(IActorStore store, string id, bool counted, ReturnState? state = null, bool received = false)
    {
        var request = Samples.Request();
        var eligibility = ReturnEligibility.Check(Samples.Policy, request, Samples.Now, CustomerHistory.None);
        var rma = new Return(id, new ReturnRecord());
        rma.Open(new ReturnDraft(request, "Jane Doe", false, Samples.Policy, eligibility, "Old Merchant"), Samples.Now);
        if (state is { } changed) rma.Record.Rma.State = changed;
        if (!counted) rma.Record.AnalyticsFacets = [];
        if (received)
        {
            rma.Record.AnalyticsFacets = [ReturnAnalytics.ReturnsFacet];
            rma.Record.Destination = DefaultCentre.Destination;
            rma.Record.Rma.State = ReturnState.Received;
            rma.Record.Rma.ReceivedQuantities = [.. rma.Record.Rma.ExpectedQuantities];
            rma.Record.Receiving.ArrivedAt = Samples.Now;
        }
        var result = await store.CommitAsync(new ActorCommit(new ActorKey(Tenant, ReturnGrain.TypeName, id), 0, 0,
            JsonSerializer.Serialize(rma.Record, DomainJson.Options), [], Index: ReturnIndex.Of(id, rma.Record),
            Counters: counted ? CounterDeltas.Of(null, ReturnAnalytics.Of(rma.Record)) : null), CancellationToken.None);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
    }
}
