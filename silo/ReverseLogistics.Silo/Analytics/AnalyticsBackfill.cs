using System.Text.Json;
using Orleans;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Analytics;

/// <summary>
/// Counts the returns stored before an analytics facet existed (docs/analytics.md): once the node has started, pages
/// through every stored return in (tenant, id) order and asks each one whose record lacks a current facet to count
/// itself in (<see cref="IReturnGrain.CountInAnalyticsAsync"/>), a commit of its own, so a return changing meanwhile is
/// neither missed nor counted twice. Its cursor and, at the end, a done mark are a record of the store (one per set of
/// facets), committed after every page with a version check: a restart resumes where it stopped, a finished backfill
/// never runs again, and of two nodes starting together the one whose commit loses stops.
/// </summary>
public sealed class AnalyticsBackfill(IActorStore store, IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<AnalyticsBackfill> logger)
    : BackgroundService
{
    public const string TypeName = "analytics-backfill";
    public const int PageSize = 500;
    private const int Parallelism = 8;
    private readonly TaskCompletionSource<long> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The record of the current facets' backfill.</summary>
    public static ActorKey Key { get; } = new(TenantIds.Platform, TypeName, string.Join("+", ReturnAnalytics.CurrentFacets));

    /// <summary>Completes with how many returns this node counted in, once the backfill is done or left to another node.</summary>
    public Task<long> Completion => completion.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult())) await started.Task.WaitAsync(stoppingToken);
            completion.TrySetResult(await RunAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            completion.TrySetCanceled(stoppingToken); // stopping: the next start resumes from the last page committed
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The analytics backfill stopped; the next start resumes it");
            completion.TrySetException(e);
        }
    }

    /// <returns>How many returns this run counted in.</returns>
    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var record = await store.ReadAsync(Key, cancellationToken);
        var state = record is null ? new AnalyticsBackfillState() : JsonSerializer.Deserialize<AnalyticsBackfillState>(record.State, DomainJson.Options)!;
        var version = record?.Version ?? 0;
        long counted = 0;
        while (!state.Done)
        {
            var after = state.AfterTenantId is null ? (ActorKey?)null : new ActorKey(state.AfterTenantId, ReturnGrain.TypeName, state.AfterReturnId!);
            var page = await store.ListAsync(ReturnGrain.TypeName, null, after, PageSize, cancellationToken);
            var countedNow = 0;
            await Parallel.ForEachAsync(page.Where(r => !IsCounted(r.Record.State)),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (stored, _) =>
                {
                    if (await grains.Return(stored.Key.TenantId, stored.Key.Id).CountInAnalyticsAsync()) Interlocked.Increment(ref countedNow);
                });
            counted += countedNow;
            state.Counted += countedNow;
            state.Done = page.Count < PageSize;
            if (page.Count > 0) (state.AfterTenantId, state.AfterReturnId) = (page[^1].Key.TenantId, page[^1].Key.Id);
            var result = await store.CommitAsync(new ActorCommit(Key, version, 0, JsonSerializer.Serialize(state, DomainJson.Options), []), cancellationToken);
            if (result.Outcome != CommitOutcome.Committed)
            {
                logger.LogInformation("Another node is running the analytics backfill of {Facets}; this one stops", Key.Id);
                return counted;
            }
            version = result.Version;
            if (countedNow > 0) logger.LogInformation("Analytics backfill of {Facets}: {Counted} returns counted so far", Key.Id, state.Counted);
        }
        return counted;
    }

    /// <summary>Whether a stored return already lists every current facet (read from its JSON without the rest of the record).</summary>
    private static bool IsCounted(string state)
    {
        using var json = JsonDocument.Parse(state);
        if (!json.RootElement.TryGetProperty("analyticsFacets", out var facets) || facets.ValueKind != JsonValueKind.Array) return false;
        var listed = facets.EnumerateArray().Select(f => f.GetString()).ToHashSet(StringComparer.Ordinal);
        return ReturnAnalytics.CurrentFacets.All(listed.Contains);
    }
}
