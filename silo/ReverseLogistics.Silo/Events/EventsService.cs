using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using EventsServiceBase = ReverseLogistics.V1.EventsService.EventsServiceBase;

namespace ReverseLogistics.Silo.Events;

/// <summary>
/// The merchant's event feed, read from the store's event log (every commit's events, positioned in commit order):
/// pages of it, or a stream that catches up and then follows it.
/// </summary>
public sealed class EventsService(EventFeed feed, SiloOptions options, TimeProvider time) : EventsServiceBase
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    private const int ReadSize = 500;
    // A page with a types filter reads at most this many events looking for matches, then says where it stopped.
    private const int MaxReadPerPage = 20 * ReadSize;

    public override async Task<ListEventsResponse> ListEvents(ListEventsRequest request, ServerCallContext context)
    {
        var types = ValidTypes(request.EventTypes, v => v
            .Require(request.AfterPosition >= 0, "after_position", "at least 0")
            .Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"between 0 and {MaxPageSize}"));
        var tenantId = context.GetCaller().TenantId;
        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var response = new ListEventsResponse { NextAfterPosition = request.AfterPosition };
        for (var read = 0; read < MaxReadPerPage && response.Events.Count < size;)
        {
            var stored = await feed.ReadAsync(tenantId, response.NextAfterPosition, ReadSize, context.CancellationToken);
            foreach (var e in stored)
            {
                response.NextAfterPosition = e.Position;
                if (Wanted(e, types) is { } published) response.Events.Add(published);
                if (response.Events.Count == size) break;
            }
            read += stored.Count;
            if (stored.Count < ReadSize && response.Events.Count < size)
            {
                response.AtEnd = true;
                break;
            }
        }
        return response;
    }

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<WatchEventsResponse> responseStream, ServerCallContext context)
    {
        var types = ValidTypes(request.EventTypes, v => v
            .Require(request.AfterPosition >= 0, "after_position", "at least 0")
            .Require(!(request.FromNow && request.AfterPosition > 0), "from_now", "not with after_position"));
        var tenantId = context.GetCaller().TenantId;
        var cancellation = context.CancellationToken;
        var after = request.FromNow ? await feed.LastPositionAsync(tenantId, cancellation) : request.AfterPosition;
        var lastSent = time.GetTimestamp();
        try
        {
            while (!cancellation.IsCancellationRequested)
            {
                var committed = feed.NextCommit(tenantId);
                var stored = await feed.ReadAsync(tenantId, after, ReadSize, cancellation);
                foreach (var e in stored)
                {
                    after = e.Position;
                    if (Wanted(e, types) is not { } published) continue;
                    await responseStream.WriteAsync(new WatchEventsResponse { Event = published }, cancellation);
                    lastSent = time.GetTimestamp();
                }
                if (stored.Count == ReadSize) continue;

                var idle = time.GetElapsedTime(lastSent);
                if (idle >= options.EventHeartbeat)
                {
                    await responseStream.WriteAsync(new WatchEventsResponse
                    {
                        Heartbeat = new Heartbeat { Position = after, Time = Timestamp.FromDateTimeOffset(time.GetUtcNow()) },
                    }, cancellation);
                    lastSent = time.GetTimestamp();
                    idle = TimeSpan.Zero;
                }
                var wait = Min(options.EventPollInterval, options.EventHeartbeat - idle);
                await Task.WhenAny(committed, Task.Delay(wait, time, cancellation));
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away or its deadline passed: the stream simply ends.
        }
    }

    private static Event? Wanted(FeedEntry entry, HashSet<string>? types) =>
        entry.Published is { } published && (types is null || types.Contains(published.Type)) ? published : null;

    /// <summary>The types filter (null for all), after the request's other checks.</summary>
    private static HashSet<string>? ValidTypes(IReadOnlyList<string> types, Action<Validator> more)
    {
        var v = new Validator();
        more(v);
        for (var i = 0; i < types.Count; i++)
            v.Require(EventCatalog.IsKnown(types[i]), $"event_types[{i}]", "an event type of docs/events.md, e.g. return.approved");
        v.ThrowIfInvalid();
        return types.Count == 0 ? null : [.. types];
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
