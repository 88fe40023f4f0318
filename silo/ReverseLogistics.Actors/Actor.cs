using ReverseLogistics.Storage;

namespace ReverseLogistics.Actors;

/// <summary>
/// What the runtime needs from every actor whatever its state type. Derive from
/// <see cref="Actor{TState}"/>; this base cannot be derived from outside this assembly.
/// </summary>
public abstract class Actor
{
    private IActorStore? store;
    private TimeProvider? time;

    private protected Actor()
    {
    }

    /// <summary>The actor's address; set by the runtime on activation.</summary>
    public ActorKey Key { get; private set; }

    /// <summary>The stored version the state was loaded from or last committed as; 0 = never committed.</summary>
    protected long Version { get; private protected set; }

    protected bool Exists => Version > 0;

    /// <summary>The runtime's clock (tests inject a manual one).</summary>
    protected TimeProvider Time => time ?? throw NotActivated();

    private protected IActorStore Store => store ?? throw NotActivated();

    internal long LoadedVersion => Version;

    /// <summary>The in-memory state may differ from the store: reload it before the next turn.</summary>
    internal bool IsStale { get; set; } = true;

    internal bool CommittedThisTurn { get; private protected set; }

    internal bool ConflictedThisTurn { get; private protected set; }

    /// <summary>Runs once per activation, after the state is loaded.</summary>
    protected virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs once when the activation is deactivated (idle or shutdown), after its last turn.</summary>
    protected virtual Task OnDeactivateAsync() => Task.CompletedTask;

    internal void Bind(ActorKey key, IActorStore actorStore, TimeProvider timeProvider)
    {
        Key = key;
        store = actorStore;
        time = timeProvider;
    }

    internal abstract Task LoadAsync(CancellationToken cancellationToken);

    internal Task ActivateAsync(CancellationToken cancellationToken) => OnActivateAsync(cancellationToken);

    internal Task DeactivateAsync() => OnDeactivateAsync();

    internal void BeginTurn()
    {
        CommittedThisTurn = false;
        ConflictedThisTurn = false;
    }

    private InvalidOperationException NotActivated() =>
        new($"{GetType().Name} is not activated: actors are created by the ActorRuntime, not with new.");
}
