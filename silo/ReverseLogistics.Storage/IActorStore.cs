namespace ReverseLogistics.Storage;

/// <summary>
/// The store of record (Orleans' grain storage in spirit). Two implementations pass one
/// contract suite: SQLite (embedded) and PostgreSQL (cluster). Commits from concurrent actors
/// are group-committed: many commits share one transaction and one fsync, yet each succeeds or
/// fails on its own. Times are UTC (<see cref="DateTimeKind.Utc"/>) both ways, kept to the
/// microsecond; other kinds are rejected.
/// </summary>
public interface IActorStore : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema (versioned migrations, applied in order and recorded).</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Completes when the database answers a trivial query; health checks call it.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>The actor's record, or null when it was never committed.</summary>
    Task<ActorRecord?> ReadAsync(ActorKey key, CancellationToken cancellationToken);

    /// <summary>Writes the commit atomically, or nothing at all (see <see cref="CommitOutcome"/>). Durable when it returns.</summary>
    Task<CommitResult> CommitAsync(ActorCommit commit, CancellationToken cancellationToken);

    /// <summary>
    /// Actors of one type ordered by (tenant, id), after <paramref name="after"/> when given;
    /// within <paramref name="tenantId"/> when given, across all tenants otherwise.
    /// </summary>
    Task<IReadOnlyList<(ActorKey Key, ActorRecord Record)>> ListAsync(
        string actorType, string? tenantId, ActorKey? after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// The ids of the actors matching <paramref name="query"/> (see <see cref="IndexQuery"/>),
    /// found through the entries written by <see cref="ActorCommit.Index"/>, never the state's JSON.
    /// </summary>
    Task<IReadOnlyList<ActorKey>> FindAsync(IndexQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Actors of one type, in any tenant, holding the index entry <paramref name="name"/> = <paramref name="value"/>,
    /// ordered by (tenant, id), at most <paramref name="limit"/>. For the few lookups that cross tenants by design,
    /// such as a warehouse scanning a parcel whose merchant it cannot know. <paramref name="name"/> is one of
    /// <see cref="CrossTenantIndex.Names"/>.
    /// </summary>
    Task<IReadOnlyList<ActorKey>> FindAcrossTenantsAsync(string actorType, string name, string value, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Counters moved by <see cref="ActorCommit.Counters"/> (see <see cref="CounterQuery"/>): of one tenant through the
    /// primary key, or of every tenant through an index led by the counter's name and key.
    /// </summary>
    Task<IReadOnlyList<CounterValue>> ReadCountersAsync(CounterQuery query, CancellationToken cancellationToken);

    /// <summary>How many actors match <paramref name="query"/>'s tenant, type and conditions; its AfterId and Limit are ignored.</summary>
    Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Across all tenants: actors of <paramref name="actorType"/> due for <paramref name="kind"/> at or before
    /// <paramref name="upTo"/> (entries made by <see cref="DueIndex.Entry"/>), earliest first, then by tenant
    /// and id; paged by keyset after <paramref name="after"/>, the last of the page before.
    /// </summary>
    Task<IReadOnlyList<DueActor>> FindDueAsync(
        string actorType, string kind, DateTime upTo, DueActor? after, int limit, CancellationToken cancellationToken);

    /// <summary>Events of one actor's stream with sequence greater than <paramref name="afterSequence"/>, in order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(ActorKey stream, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>A tenant's events with position greater than <paramref name="afterPosition"/>, in position order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadTenantEventsAsync(string tenantId, long afterPosition, int limit, CancellationToken cancellationToken);

    /// <summary>The position of the tenant's latest event; 0 when it has none.</summary>
    Task<long> LastTenantPositionAsync(string tenantId, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> FindRequestAsync(string tenantId, string requestId, CancellationToken cancellationToken);

    /// <summary>Deletes idempotency records created before <paramref name="cutoff"/>; returns how many.</summary>
    Task<int> PurgeRequestsAsync(DateTime cutoff, CancellationToken cancellationToken);

    /// <summary>
    /// Raised when another node committed an actor (PostgreSQL LISTEN/NOTIFY), so a local
    /// activation holding an older version can be refreshed. Never raised by the embedded store.
    /// </summary>
    event Action<ActorKey, long>? ActorChanged;

    /// <summary>Raised, with the actor's key, after a commit made through this store instance appended events.</summary>
    event Action<ActorKey>? EventsAppended;
}
