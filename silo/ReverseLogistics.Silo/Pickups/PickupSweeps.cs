using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Silo.Sweeps;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>
/// The pickups' batch work, run by recurring jobs over the due index: carrier windows past their cut-off
/// become manifests (one commit per window, however many pickups it holds), and returns whose window ended
/// without a pick-up scan are rebooked or raised. Each actor decides on its own state, so a stale entry,
/// a second node or a rerun after a crash changes nothing twice.
/// </summary>
public sealed class PickupSweeps(IActorStore store, ActorRuntime actors, TimeProvider time, ILogger<PickupSweeps> logger)
{
    private const int PageSize = 500;
    private const int Parallelism = 32;

    public Task<SweepResult> BuildManifestsAsync(CancellationToken cancellationToken) =>
        SweepAsync(CarrierWindowActor.TypeName, CarrierWindowActor.ManifestDue,
            key => actors.Get<CarrierWindowActor>(TenantIds.Platform, key.Id).AskAsync(w => w.BuildManifestIfDueAsync(), cancellationToken),
            cancellationToken);

    public Task<SweepResult> HandleMissedPickupsAsync(CancellationToken cancellationToken) =>
        SweepAsync(ReturnActor.TypeName, ReturnIndex.MissedPickup,
            key => actors.Get<ReturnActor>(key.TenantId, key.Id).AskAsync(r => r.HandleMissedPickupIfDueAsync(), cancellationToken),
            cancellationToken);

    private async Task<SweepResult> SweepAsync(string actorType, string kind, Func<ActorKey, Task<bool>> fire, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int due = 0, fired = 0, failed = 0;
        DueActor? after = null;
        while (true)
        {
            var page = await store.FindDueAsync(actorType, kind, now, after, PageSize, cancellationToken);
            due += page.Count;
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (entry, _) =>
                {
                    try
                    {
                        if (await fire(entry.Key)) Interlocked.Increment(ref fired);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        Interlocked.Increment(ref failed);
                        logger.LogWarning(exception, "Sweep {Kind} could not handle {Key}", kind, entry.Key);
                    }
                });
            if (page.Count < PageSize) break;
            after = page[^1];
        }
        if (due > 0) logger.LogInformation("Sweep {Kind} at {Now}: {Due} due, {Fired} done, {Failed} failed", kind, now, due, fired, failed);
        return new SweepResult(kind, now, due, fired, failed);
    }
}
