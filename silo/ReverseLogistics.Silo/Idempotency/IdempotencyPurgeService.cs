using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Idempotency;

/// <summary>Deletes idempotency records once they are older than the retention (so retries work for at least that long).</summary>
public sealed class IdempotencyPurgeService(IActorStore store, PlatformClock time, ILogger<IdempotencyPurgeService> logger) : BackgroundService
{
    public static readonly TimeSpan Retention = TimeSpan.FromHours(48);
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var purged = await store.PurgeRequestsAsync(time.GetUtcNow().UtcDateTime - Retention, stoppingToken);
                    if (purged > 0) logger.LogInformation("Purged {Count} idempotency records older than {Retention}", purged, Retention);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Purging idempotency records failed; will retry in {Interval}", Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping.
        }
    }
}
