using ReverseLogistics.Storage;
using ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Events;

/// <summary>One event of a tenant's log as the feed reads it: its position, and what merchants see of it (null: nothing).</summary>
public readonly record struct FeedEntry(long Position, Event? Published);

/// <summary>A tenant's event log as merchants see it: read from the store, in position order.</summary>
public sealed class EventFeed(IActorStore store, EventFeedSignal signal)
{
    public async Task<IReadOnlyList<FeedEntry>> ReadAsync(string tenantId, long afterPosition, int limit, CancellationToken cancellationToken)
    {
        var stored = await store.ReadTenantEventsAsync(tenantId, afterPosition, limit, cancellationToken);
        return [.. stored.Select(e => new FeedEntry(e.Position, EventMapper.ToProto(e)))];
    }

    public Task<long> LastPositionAsync(string tenantId, CancellationToken cancellationToken) =>
        store.LastTenantPositionAsync(tenantId, cancellationToken);

    /// <inheritdoc cref="EventFeedSignal.Next"/>
    public Task NextCommit(string tenantId) => signal.Next(tenantId);
}
