using ReverseLogistics.Actors;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Sweeps;

/// <summary>
/// The returns' timers, run as batch sweeps over the due index (never one trigger per return): every
/// return due by now, across all tenants, is asked to act; each decides on its own state, so a stale
/// index entry or a second run changes nothing. "Now" is the platform's clock.
/// </summary>
public sealed class ReturnTimerSweeps(IActorStore store, ActorRuntime actors, TimeProvider time, ILogger<ReturnTimerSweeps> logger)
{
    private const int PageSize = 200;
    private const int Parallelism = 16;

    /// <summary>Expires the returns whose label outlived the policy's validity before they were shipped.</summary>
    public Task<SweepResult> ExpireLabelsAsync(CancellationToken cancellationToken) =>
        SweepAsync(ReturnIndex.LabelExpiry, actor => actor.ExpireLabelIfDueAsync(), cancellationToken);

    /// <summary>Escalates, once each, the received returns left uninspected beyond the policy's SLA.</summary>
    public Task<SweepResult> EscalateInspectionsAsync(CancellationToken cancellationToken) =>
        SweepAsync(ReturnIndex.InspectionSla, actor => actor.EscalateInspectionIfDueAsync(), cancellationToken);

    private async Task<SweepResult> SweepAsync(string kind, Func<ReturnActor, Task<bool>> fire, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int due = 0, fired = 0, failed = 0;
        DueActor? after = null;
        while (true)
        {
            var page = await store.FindDueAsync(ReturnActor.TypeName, kind, now, after, PageSize, cancellationToken);
            due += page.Count;
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (entry, token) =>
                {
                    try
                    {
                        if (await actors.Get<ReturnActor>(entry.Key.TenantId, entry.Key.Id).AskAsync(fire, token)) Interlocked.Increment(ref fired);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        Interlocked.Increment(ref failed);
                        logger.LogWarning(exception, "Sweep {Kind} could not move return {Tenant}/{Return}", kind, entry.Key.TenantId, entry.Key.Id);
                    }
                });
            if (page.Count < PageSize) break;
            after = page[^1];
        }
        var result = new SweepResult(kind, now, due, fired, failed);
        if (due > 0) logger.LogInformation("Sweep {Kind} at {Now}: {Due} due, {Fired} moved, {Failed} failed", kind, now, due, fired, failed);
        return result;
    }
}
