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
/// only its own endpoint. Between rounds, a commit through this node that appends a tenant's events wakes that
/// tenant's idle endpoints at once, and a commit of an endpoint (created, changed) calls it at once, so delivery
/// does not wait for the next round. Every node runs one; Orleans' single activation serialises an endpoint's calls.
/// </summary>
public sealed class WebhookDispatcher : BackgroundService
{
    public const int Parallelism = 32;
    private const int PageSize = 500;
    private readonly ConcurrentDictionary<ActorKey, byte> running = new();
    private readonly SemaphoreSlim slots = new(Parallelism);
    private readonly IActorStore store;
    private readonly IGrainFactory grains;
    private readonly PlatformClock clock;
    private readonly SiloOptions options;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<WebhookDispatcher> logger;
    // Endpoints to call before the next round: those of a tenant whose events were just committed, and endpoints
    // just committed themselves.
    private readonly ConcurrentDictionary<ActorKey, byte> woken = new();
    // The idle endpoints the last round found, by tenant: who to wake when a tenant's events are committed.
    private volatile Dictionary<string, List<ActorKey>> idleByTenant = new(StringComparer.Ordinal);
    private TaskCompletionSource wake = NewWake();
    private long rounds;

    public WebhookDispatcher(IActorStore store, IGrainFactory grains, PlatformClock clock, SiloOptions options, IHostApplicationLifetime lifetime,
        ILogger<WebhookDispatcher> logger)
    {
        (this.store, this.grains, this.clock, this.options, this.lifetime, this.logger) = (store, grains, clock, options, lifetime, logger);
        store.EventsAppended += OnEventsAppended;
    }

    public override void Dispose()
    {
        store.EventsAppended -= OnEventsAppended;
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.WebhookPollInterval);
        try
        {
            await WhenStartedAsync(stoppingToken); // the store migrated and the silo up
            var tick = Task.FromResult(true); // the first round at once
            while (true)
            {
                var woke = Volatile.Read(ref wake).Task;
                await Task.WhenAny(tick, woke.WaitAsync(stoppingToken));
                stoppingToken.ThrowIfCancellationRequested();
                if (tick.IsCompleted)
                {
                    if (!await tick) return;
                    await GuardedAsync(() => DispatchAsync(stoppingToken));
                    tick = timer.WaitForNextTickAsync(stoppingToken).AsTask();
                }
                if (woke.IsCompleted)
                {
                    Interlocked.Exchange(ref wake, NewWake());
                    foreach (var key in woken.Keys)
                        if (woken.TryRemove(key, out _)) Start(key);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: calls in flight finish on their own; their endpoints resume from the committed cursor.
        }
    }

    private void OnEventsAppended(ActorKey committed)
    {
        if (committed.ActorType == WebhookEndpointGrain.TypeName)
        {
            woken[committed] = 0;
            RememberIdle(committed); // a new endpoint is woken with its tenant's events before the next round finds it
        }
        else if (idleByTenant.TryGetValue(committed.TenantId, out var endpoints))
        {
            foreach (var key in endpoints) woken[key] = 0;
        }
        else
        {
            return;
        }
        Volatile.Read(ref wake).TrySetResult();
    }

    private void RememberIdle(ActorKey endpoint)
    {
        lock (woken)
        {
            if (idleByTenant.TryGetValue(endpoint.TenantId, out var known) && known.Contains(endpoint)) return;
            var idle = new Dictionary<string, List<ActorKey>>(idleByTenant, StringComparer.Ordinal)
            {
                [endpoint.TenantId] = [.. known ?? [], endpoint],
            };
            idleByTenant = idle;
        }
    }

    private static TaskCompletionSource NewWake() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task GuardedAsync(Func<Task> round)
    {
        try
        {
            await round();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Webhook dispatch failed; trying again in {Interval}", options.WebhookPollInterval);
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
        var due = new List<ActorKey>();
        DueActor? after = null;
        while (true)
        {
            var page = await store.FindDueAsync(WebhookEndpointGrain.TypeName, WebhookEndpointGrain.DeliverDue, now, after, PageSize, cancellationToken);
            due.AddRange(page.Select(d => d.Key));
            if (page.Count < PageSize) break;
            after = page[^1];
        }
        idleByTenant = due.GroupBy(key => key.TenantId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Each round starts further along the list: with more due endpoints than slots, the same first ones would
        // otherwise take every slot each round and the last ones never be called.
        var start = due.Count == 0 ? 0 : (int)(rounds++ % due.Count);
        for (var i = 0; i < due.Count; i++) Start(due[(start + i) % due.Count]);
    }

    /// <summary>Calls the endpoint unless its last call is still running or every slot is taken (the next round will).</summary>
    private void Start(ActorKey key)
    {
        if (running.ContainsKey(key) || !slots.Wait(0)) return;
        if (!running.TryAdd(key, 0))
        {
            slots.Release();
            return;
        }
        _ = DeliverAsync(key);
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
