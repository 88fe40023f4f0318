using System.Collections.Concurrent;
using Orleans;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Webhooks;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Webhooks;

/// <summary>
/// Drives delivery: every poll interval it finds the enabled endpoints with something due (their due-index entry)
/// and calls each one's DeliverDueAsync, at most <see cref="Parallelism"/> at a time, without waiting for them: an
/// endpoint whose call is still running is left out of the next rounds until it returns, so a slow receiver holds up
/// only its own endpoint. Every node runs one; Orleans' single activation serialises the calls an endpoint gets.
/// </summary>
public sealed class WebhookDispatcher(
    IActorStore store, IGrainFactory grains, PlatformClock clock, SiloOptions options, IHostApplicationLifetime lifetime, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    public const int Parallelism = 32;
    private const int PageSize = 500;
    private readonly ConcurrentDictionary<ActorKey, byte> running = new();
    private readonly SemaphoreSlim slots = new(Parallelism);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.WebhookPollInterval);
        try
        {
            await WhenStartedAsync(stoppingToken); // the store migrated and the silo up
            do
            {
                try
                {
                    await DispatchAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Webhook dispatch failed; trying again in {Interval}", options.WebhookPollInterval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: calls in flight finish on their own; their endpoints resume from the committed cursor.
        }
    }

    private Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }

    private async Task DispatchAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        DueActor? after = null;
        while (true)
        {
            var page = await store.FindDueAsync(WebhookEndpointGrain.TypeName, WebhookEndpointGrain.DeliverDue, now, after, PageSize, cancellationToken);
            foreach (var due in page)
            {
                if (running.ContainsKey(due.Key)) continue;
                if (!slots.Wait(0)) return; // all slots busy: the rest wait for the next round
                running[due.Key] = 0;
                _ = DeliverAsync(due.Key);
            }
            if (page.Count < PageSize) return;
            after = page[^1];
        }
    }

    private async Task DeliverAsync(ActorKey key)
    {
        try
        {
            await Task.Yield(); // the dispatch loop goes on at once
            await grains.WebhookEndpoint(key.TenantId, key.Id).DeliverDueAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Webhook endpoint {Tenant}/{Id} could not deliver; it is called again next round", key.TenantId, key.Id);
        }
        finally
        {
            running.TryRemove(key, out _);
            slots.Release();
        }
    }
}
