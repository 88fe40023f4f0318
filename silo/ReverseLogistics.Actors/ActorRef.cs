using ReverseLogistics.Storage;

namespace ReverseLogistics.Actors;

/// <summary>A cheap handle to one actor, by key; the activation is found or created per message.</summary>
public readonly struct ActorRef<TActor>
    where TActor : Actor, IActor
{
    private readonly ActorRuntime? runtime;

    internal ActorRef(ActorRuntime runtime, ActorKey key)
    {
        this.runtime = runtime;
        Key = key;
    }

    public ActorKey Key { get; }

    private ActorRuntime Runtime => runtime ?? throw new InvalidOperationException("Get actor references from ActorRuntime.Get.");

    /// <summary>Queues <paramref name="turn"/> and returns its result. Cancellation stops the wait; a turn not yet started is dropped.</summary>
    public Task<TResult> AskAsync<TResult>(Func<TActor, Task<TResult>> turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return Runtime.SendAsync(Key, turn, cancellationToken);
    }

    public Task AskAsync(Func<TActor, Task> turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return Runtime.SendAsync<TActor, bool>(Key, async actor => { await turn(actor); return true; }, cancellationToken);
    }
}
