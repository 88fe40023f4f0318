using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Sweeps;

/// <summary>
/// The loop every timer sweep runs: pages through the actors of one type due for one kind of timer by
/// now (the platform's clock), across all tenants, and asks each, a few at a time, to act. Each actor
/// decides on its own state, so a stale index entry or a second run changes nothing; a failure is
/// logged and counted, and the actor stays due for the next run.
/// </summary>
public sealed class DueIndexSweep(IActorStore store, PlatformClock time, ILogger<DueIndexSweep> logger)
{
    /// <param name="fire">Asks one due actor to act; true when it did.</param>
    public async Task<SweepResult> RunAsync(string actorType, string kind, Func<ActorKey, CancellationToken, Task<bool>> fire,
        int pageSize, int parallelism, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int due = 0, fired = 0, failed = 0;
        DueActor? after = null;
        while (true)
        {
            var page = await store.FindDueAsync(actorType, kind, now, after, pageSize, cancellationToken);
            due += page.Count;
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
                async (entry, token) =>
                {
                    try
                    {
                        if (await fire(entry.Key, token)) Interlocked.Increment(ref fired);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        Interlocked.Increment(ref failed);
                        logger.LogWarning(exception, "Sweep {Kind} could not handle {Tenant}/{Id}", kind, entry.Key.TenantId, entry.Key.Id);
                    }
                });
            if (page.Count < pageSize) break;
            after = page[^1];
        }
        if (due > 0) logger.LogInformation("Sweep {Kind} at {Now}: {Due} due, {Fired} acted on, {Failed} failed", kind, now, due, fired, failed);
        return new SweepResult(kind, now, due, fired, failed);
    }
}
