using System.Collections.Concurrent;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Events;

/// <summary>
/// Wakes the event streams of a tenant when this node commits events for it, so WatchEvents delivers them at once.
/// Commits made through other nodes are not heard here; the streams also look again every poll interval.
/// </summary>
public sealed class EventFeedSignal : IDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiting = new(StringComparer.Ordinal);
    private readonly IActorStore store;

    public EventFeedSignal(IActorStore store)
    {
        this.store = store;
        store.EventsAppended += Wake;
    }

    /// <summary>Completes at the tenant's next commit of events. Take it before reading, so no commit slips between.</summary>
    public Task Next(string tenantId) =>
        waiting.GetOrAdd(tenantId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Dispose() => store.EventsAppended -= Wake;

    private void Wake(ActorKey committed)
    {
        if (waiting.TryRemove(committed.TenantId, out var next)) next.TrySetResult();
    }
}
