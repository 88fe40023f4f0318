using System.Diagnostics;
using ReverseLogistics.Storage.GroupCommit;

namespace ReverseLogistics.Storage.Sql;

/// <summary>
/// What the SQLite and PostgreSQL stores share: reads through <see cref="ActorQueries"/> and
/// writes through the group-commit queue. Each store supplies its connections, its batch
/// writer, migrations, purging and disposal.
/// </summary>
public abstract class SqlActorStore : IActorStore
{
    private protected ActorQueries Queries { get; init; } = null!;
    private protected CommitQueue Commits { get; init; } = null!;

    /// <summary>Group-commit batches written, each one transaction (operators' metrics read it).</summary>
    public long TransactionsCommitted => Commits.TransactionsCommitted;

    /// <summary>Commits carried by those batches.</summary>
    public long CommitsWritten => Commits.CommitsWritten;

    public abstract event Action<ActorKey, long>? ActorChanged;

    public event Action<ActorKey>? EventsAppended;

    public abstract Task MigrateAsync(CancellationToken cancellationToken);

    public abstract Task<int> PurgeRequestsAsync(DateTime cutoff, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public Task PingAsync(CancellationToken cancellationToken) => Queries.PingAsync(cancellationToken);

    public async Task<ActorRecord?> ReadAsync(ActorKey key, CancellationToken cancellationToken)
    {
        using var span = StartSpan("store read", key);
        return await Queries.ReadAsync(key, cancellationToken);
    }

    public async Task<CommitResult> CommitAsync(ActorCommit commit, CancellationToken cancellationToken)
    {
        StoreArguments.Validate(commit);
        using var span = StartSpan("store commit", commit.Key);
        var result = await Commits.EnqueueAsync(commit, cancellationToken);
        span?.SetTag("rl.commit.outcome", result.Outcome.ToString());
        if (result.Outcome == CommitOutcome.Committed && commit.Events.Count > 0) EventsAppended?.Invoke(commit.Key);
        return result;
    }

    private static Activity? StartSpan(string name, ActorKey key) =>
        StoreTracing.Source.StartActivity(name)?.SetTag("rl.tenant", key.TenantId).SetTag("rl.actor.type", key.ActorType);

    public Task<IReadOnlyList<(ActorKey Key, ActorRecord Record)>> ListAsync(
        string actorType, string? tenantId, ActorKey? after, int limit, CancellationToken cancellationToken) =>
        Queries.ListAsync(actorType, tenantId, after, limit, cancellationToken);

    public Task<IReadOnlyList<ActorKey>> FindAsync(IndexQuery query, CancellationToken cancellationToken) =>
        Queries.FindAsync(query, cancellationToken);

    public Task<IReadOnlyList<ActorKey>> FindAcrossTenantsAsync(string actorType, string name, string value, int limit, CancellationToken cancellationToken) =>
        Queries.FindAcrossTenantsAsync(actorType, name, value, limit, cancellationToken);

    public Task<IReadOnlyList<DueActor>> FindDueAsync(
        string actorType, string kind, DateTime upTo, DueActor? after, int limit, CancellationToken cancellationToken) =>
        Queries.FindDueAsync(actorType, kind, upTo, after, limit, cancellationToken);

    public virtual Task<IReadOnlyList<CounterValue>> ReadCountersAsync(CounterQuery query, CancellationToken cancellationToken) =>
        Queries.ReadCountersAsync(query, cancellationToken);

    public Task<long> CountAsync(IndexQuery query, CancellationToken cancellationToken) =>
        Queries.CountAsync(query, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(ActorKey stream, long afterSequence, int limit, CancellationToken cancellationToken) =>
        Queries.ReadStreamAsync(stream, afterSequence, limit, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadTenantEventsAsync(string tenantId, long afterPosition, int limit, CancellationToken cancellationToken) =>
        Queries.ReadTenantEventsAsync(tenantId, afterPosition, limit, cancellationToken);

    public Task<long> LastTenantPositionAsync(string tenantId, CancellationToken cancellationToken) =>
        Queries.LastTenantPositionAsync(tenantId, cancellationToken);

    public Task<IdempotencyRecord?> FindRequestAsync(string tenantId, string requestId, CancellationToken cancellationToken) =>
        Queries.FindRequestAsync(tenantId, requestId, cancellationToken);
}
