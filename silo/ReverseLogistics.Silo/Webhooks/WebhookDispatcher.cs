using System.Collections.Concurrent;
using Orleans;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Webhooks;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Webhooks;

/// <summary>
/// Drives delivery: every poll interval it finds the enabled endpoints that may have something due (their due-index
/// entry) and queues a call of each one's DeliverDueAsync that <see cref="DispatchRound"/> selects; the queue is served first in, first out, at most
/// <see cref="SiloOptions.WebhookParallelism"/> calls at a time, without waiting for them, so a slow receiver holds up
/// only its own endpoint and every endpoint gets its turn however many there are. An endpoint is queued at most once and
/// never called twice at once; one that stopped at its call's bound with more to send is queued again at once. Between
/// rounds, a commit through this node that appends a tenant's events queues that tenant's idle endpoints (or, for one
/// whose call is running, a call after it), and a commit of an endpoint (created, changed) queues it, so delivery does
/// not wait for the next round. Every node runs one; Orleans' single activation serialises an endpoint's calls.
/// </summary>
public sealed class WebhookDispatcher : BackgroundService
{
    private const int PageSize = 500;
    private readonly object gate = new();
    private readonly Queue<ActorKey> queue = new();
    private readonly HashSet<ActorKey> queued = [];
    private readonly HashSet<ActorKey> running = [];
    // Running endpoints to call again when their call returns: events were committed after they may have read the log.
    private readonly HashSet<ActorKey> again = [];
    private int free;
    private readonly IActorStore store;
    private readonly IGrainFactory grains;
    private readonly PlatformClock clock;
    private readonly SiloOptions options;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<WebhookDispatcher> logger;
    // Endpoints to queue before the next round: those of a tenant whose events were just committed, and endpoints
    // just committed themselves.
    private readonly ConcurrentDictionary<ActorKey, byte> woken = new();
    // The idle endpoints the last round found, by tenant: who to wake when a tenant's events are committed.
    private volatile Dictionary<string, List<ActorKey>> idleByTenant = new(StringComparer.Ordinal);
    private TaskCompletionSource wake = NewWake();
    private readonly DispatchRound round = new();
    // Endpoints whose last call failed (their node was failing over, the store was out of reach): called next round.
    private readonly ConcurrentDictionary<ActorKey, byte> failedCalls = new();

    public WebhookDispatcher(IActorStore store, IGrainFactory grains, PlatformClock clock, SiloOptions options, IHostApplicationLifetime lifetime,
        ILogger<WebhookDispatcher> logger)
    {
        (this.store, this.grains, this.clock, this.options, this.lifetime, this.logger) = (store, grains, clock, options, lifetime, logger);
        free = options.WebhookParallelism;
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
                        if (woken.TryRemove(key, out _)) Queue(key, afterRunningCall: true);
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
        var due = new List<DueActor>();
        DueActor? after = null;
        while (true)
        {
            var page = await store.FindDueAsync(WebhookEndpointGrain.TypeName, WebhookEndpointGrain.DeliverDue, now, after, PageSize, cancellationToken);
            due.AddRange(page);
            if (page.Count < PageSize) break;
            after = page[^1];
        }
        idleByTenant = due.GroupBy(d => d.Key.TenantId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => d.Key).ToList(), StringComparer.Ordinal);

        var positions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var tenant in idleByTenant.Keys) positions[tenant] = await store.LastTenantPositionAsync(tenant, cancellationToken);
        foreach (var (key, logMoved) in round.Select(due, positions, key => failedCalls.TryRemove(key, out _)))
            Queue(key, afterRunningCall: logMoved);
    }

    /// <summary>
    /// Queues a call of the endpoint unless one is queued already. While one is running, it is called again when that
    /// returns if <paramref name="afterRunningCall"/> (events came after it may have read the log); otherwise the
    /// running call is enough.
    /// </summary>
    private void Queue(ActorKey key, bool afterRunningCall)
    {
        lock (gate)
        {
            if (running.Contains(key))
            {
                if (afterRunningCall) again.Add(key);
            }
            else if (queued.Add(key))
            {
                queue.Enqueue(key);
            }
        }
        StartQueued();
    }

    /// <summary>Starts queued calls, first in first out, while slots are free.</summary>
    private void StartQueued()
    {
        while (true)
        {
            ActorKey key;
            lock (gate)
            {
                if (free == 0 || !queue.TryDequeue(out key!)) return;
                queued.Remove(key);
                running.Add(key);
                free--;
            }
            _ = DeliverAsync(key);
        }
    }

    private async Task DeliverAsync(ActorKey key)
    {
        var more = false;
        try
        {
            await Task.Yield(); // the dispatch loop goes on at once
            more = await grains.WebhookEndpoint(key.TenantId, key.Id).DeliverDueAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Webhook endpoint {Tenant}/{Id} could not deliver; it is called again next round", key.TenantId, key.Id);
            failedCalls[key] = 0;
        }
        finally
        {
            bool callAgain;
            lock (gate)
            {
                running.Remove(key);
                free++;
                callAgain = again.Remove(key) || more;
            }
            if (callAgain) Queue(key, afterRunningCall: false);
            else StartQueued();
        }
    }
}
