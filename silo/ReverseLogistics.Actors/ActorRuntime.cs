using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Actors;

/// <summary>
/// The actor directory of one silo node: finds or creates the activation for each message,
/// deactivates idle ones, and refreshes stale ones when the store reports a commit elsewhere.
/// Register as a singleton and dispose before the store.
/// </summary>
public sealed class ActorRuntime : IAsyncDisposable
{
    private readonly ConcurrentDictionary<ActorKey, ActorActivation> directory = new();
    private readonly ConcurrentDictionary<string, StrongBox<long>> turnsByType = new();
    private readonly SemaphoreSlim scanGate = new(1, 1);
    private readonly ITimer? idleTimer;
    private int disposed;

    public ActorRuntime(
        IActorStore store,
        IServiceProvider services,
        ActorRuntimeOptions options,
        TimeProvider time,
        ILogger<ActorRuntime> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        (Store, Services, Options, Time, Logger) = (store, services, options, time, logger);
        store.ActorChanged += OnActorChanged;
        if (options.IdleTimeout != Timeout.InfiniteTimeSpan)
        {
            var period = options.IdleTimeout / 2;
            idleTimer = time.CreateTimer(static state => _ = ((ActorRuntime)state!).ScanFromTimerAsync(), this, period, period);
        }
    }

    public int ActivationCount => directory.Count;

    /// <summary>Messages handled since start, by actor type (failed and cancelled ones included), for operators' metrics.</summary>
    public IReadOnlyDictionary<string, long> TurnsByType =>
        turnsByType.ToDictionary(entry => entry.Key, entry => Interlocked.Read(ref entry.Value.Value));

    internal IActorStore Store { get; }

    internal IServiceProvider Services { get; }

    internal ActorRuntimeOptions Options { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal bool IsDisposed => Volatile.Read(ref disposed) != 0;

    public ActorRef<TActor> Get<TActor>(string tenantId, string id)
        where TActor : Actor, IActor
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new ActorRef<TActor>(this, new ActorKey(tenantId, TActor.TypeName, id));
    }

    /// <summary>
    /// Deactivates the activations whose last turn ended more than <see cref="ActorRuntimeOptions.IdleTimeout"/>
    /// ago and whose mailbox is empty; returns how many. Scans never overlap: a call waits for one in progress.
    /// </summary>
    public async Task<int> DeactivateIdleAsync(CancellationToken cancellationToken = default)
    {
        await scanGate.WaitAsync(cancellationToken);
        try
        {
            if (IsDisposed || Options.IdleTimeout == Timeout.InfiniteTimeSpan) return 0;
            var cutoff = Time.GetUtcNow() - Options.IdleTimeout;
            var idle = directory.Values.Where(activation => activation.TryBeginClose(cutoff)).ToList();
            await Task.WhenAll(idle.Select(activation => activation.CloseAsync()));
            return idle.Count;
        }
        finally
        {
            scanGate.Release();
        }
    }

    /// <summary>Stops accepting messages, lets queued turns finish, and deactivates every activation.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        idleTimer?.Dispose();
        Store.ActorChanged -= OnActorChanged;
        while (!directory.IsEmpty)
        {
            await Task.WhenAll(directory.Values.Select(activation =>
                activation.TryBeginClose(idleCutoff: null) ? activation.CloseAsync() : activation.Deactivated));
        }
    }

    internal async Task<TResult> SendAsync<TActor, TResult>(ActorKey key, Func<TActor, Task<TResult>> turn, CancellationToken cancellationToken)
        where TActor : Actor
    {
        var envelope = new Envelope<TActor, TResult>(turn, cancellationToken);
        while (true)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            var activation = directory.GetOrAdd(
                key, static (key, state) => new ActorActivation(state.Runtime, key, state.Type), (Runtime: this, Type: typeof(TActor)));
            if (activation.ActorType != typeof(TActor))
                throw new InvalidOperationException($"{key} is active as {activation.ActorType.Name}, not {typeof(TActor).Name}.");
            if (await activation.TryPostAsync(envelope)) break;
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            await activation.Deactivated.WaitAsync(cancellationToken); // then post to a fresh activation
        }

        return await envelope.Completion.WaitAsync(cancellationToken);
    }

    internal void CountTurn(string actorType) =>
        Interlocked.Increment(ref turnsByType.GetOrAdd(actorType, static _ => new StrongBox<long>()).Value);

    internal void Remove(ActorActivation activation) => directory.TryRemove(KeyValuePair.Create(activation.Key, activation));

    /// <summary>Messages waiting in an activation's mailbox (tests observe back-pressure with it).</summary>
    internal int QueuedCount(ActorKey key) => directory.TryGetValue(key, out var activation) ? activation.QueuedCount : 0;

    private void OnActorChanged(ActorKey key, long version)
    {
        if (directory.TryGetValue(key, out var activation)) activation.NotifyChanged(version);
    }

    private async Task ScanFromTimerAsync()
    {
        try
        {
            await DeactivateIdleAsync();
        }
        catch (Exception exception)
        {
            Logger.IdleScanFailed(exception);
        }
    }
}
