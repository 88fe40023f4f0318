using System.Diagnostics;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Domain.Webhooks;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Webhooks;

/// <summary>
/// A merchant's webhook endpoint, delivering the tenant's event log to it at least once and in order. Each delivery
/// call sends events one after the other and commits the cursor and the head's attempts once, at its end (or when
/// the head fails), so an activation on another silo resumes where the last commit stopped: what a dying silo sent
/// since is sent again, and receivers deduplicate by event id.
/// </summary>
public sealed class WebhookEndpointGrain : StoreGrain<WebhookEndpointState>, IWebhookEndpointGrain
{
    public const string TypeName = "webhook-endpoint";
    /// <summary>Index entry of endpoints not deleted, which ListWebhookEndpoints pages through.</summary>
    public const string ListedIndex = "listed";
    /// <summary>Due-index kind of the enabled endpoints, which the silo's dispatcher calls.</summary>
    public const string DeliverDue = "webhook-deliver";
    private const int ReadSize = 200;

    private readonly IActorStore store;
    private readonly IWebhookPublisher publisher;
    private readonly WebhookDeliveryOptions options;
    private StoredEvent? headEvent;
    // Events after readAfter read ahead in one page, so that a call delivering many reads the log once.
    private IReadOnlyList<StoredEvent> readAhead = [];
    private long readAfter;

    public WebhookEndpointGrain(IActorStore store, PlatformClock clock, IWebhookPublisher publisher, WebhookDeliveryOptions options)
        : base(store, TypeName, clock)
    {
        (this.store, this.publisher, this.options) = (store, publisher, options);
    }

    public async Task<WebhookEndpointWithSecret> CreateAsync(WebhookEndpointDefinition definition, Caller caller, IdempotencyTicket ticket)
    {
        if (Exists) throw new AlreadyExistsException($"Webhook endpoint '{Key.Id}' already exists.");
        State.Endpoint = new WebhookEndpoint(Key.Id, definition.Url, definition.EventTypes, definition.Description, true, Now, Now, null, null, 0);
        State.Secret = WebhookSecret.New();
        // From now on: an endpoint receives what happens after it exists, not the tenant's history.
        State.Cursor = await store.LastTenantPositionAsync(Key.TenantId, CancellationToken.None);
        var result = new WebhookEndpointWithSecret(State.Endpoint, State.Secret);
        await CommitAsync([Event("WebhookEndpointCreated", Audit(), caller.AuditName)], ticket.Record(result, Now), Index());
        return result;
    }

    public async Task<WebhookEndpoint> UpdateAsync(WebhookEndpointDefinition definition, bool enabled, Caller caller, IdempotencyTicket ticket)
    {
        RequireExisting();
        State.Define(definition, enabled, Now);
        await CommitAsync([Event("WebhookEndpointUpdated", Audit(), caller.AuditName)], ticket.Record(State.Endpoint!, Now), Index());
        return State.Endpoint!;
    }

    public async Task<WebhookEndpoint> DeleteAsync(Caller caller, IdempotencyTicket ticket)
    {
        var endpoint = RequireExisting();
        State.Deleted = true;
        State.Head = null;
        State.Redeliveries.Clear();
        await CommitAsync([Event("WebhookEndpointDeleted", new { }, caller.AuditName)], ticket.Record(endpoint, Now), Index());
        return endpoint;
    }

    public async Task<WebhookEndpointWithSecret> RotateSecretAsync(Caller caller, IdempotencyTicket ticket)
    {
        var endpoint = RequireExisting();
        State.Secret = WebhookSecret.New();
        var result = new WebhookEndpointWithSecret(endpoint, State.Secret);
        await CommitAsync([Event("WebhookSecretRotated", new { }, caller.AuditName)], ticket.Record(result, Now), Index());
        return result;
    }

    public async Task<DeliveryRecord> RedeliverAsync(long position, Caller caller, IdempotencyTicket ticket)
    {
        RequireExisting();
        var stored = await ReadEventAsync(position);
        if (stored is null || publisher.PublicType(stored) is not { } type)
            throw new NotFoundException($"Event 'evt_{position}' not found.");
        State.Redeliveries.Add(position);
        var queued = new DeliveryRecord(0, position, type, true, DeliveryStatus.Pending, 0, null, null, null, null, null);
        await CommitAsync([Event("WebhookRedeliveryRequested", new { Position = position }, caller.AuditName)], ticket.Record(queued, Now), Index());
        return queued;
    }

    public async Task<bool> DeliverDueAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var progress = Progress();
        var attempts = 0;
        List<NewEvent> events = [];
        var more = false;
        while (State.Active)
        {
            if (attempts >= options.AttemptsPerCall || Stopwatch.GetElapsedTime(started) >= options.CallBudget)
            {
                more = true;
                break;
            }
            if (await HeadAsync() is not { } head || head.NextAttemptAt > Now) break;
            var result = await publisher.SendAsync(new Uri(State.Endpoint!.Url), State.Secret, headEvent!);
            attempts++;
            var outcome = State.RecordAttempt(result.Delivered, result.ResponseCode, result.Error, Now, options.Schedule, Random.Shared.NextDouble());
            headEvent = null;
            if (outcome == AttemptOutcome.DeadLetteredAndDisabled)
                events.Add(Event("WebhookEndpointDisabled", new { State.Endpoint!.DisabledReason }, "system:webhooks"));
            if (outcome == AttemptOutcome.Retrying) break;
        }
        // One commit for the whole call: a silo that dies before it sends this call's deliveries again (at least once).
        if (events.Count > 0 || Progress() != progress) await CommitAsync(events, null, Index());
        return more;
    }

    /// <summary>Whatever a delivery call changes in the state; the call commits only when this moved.</summary>
    private (long, long, int, int) Progress() => (State.Cursor, State.LastRecordNumber, State.Head?.Attempts ?? -1, State.Redeliveries.Count);

    /// <summary>
    /// The event being delivered: the current head, else the next redelivery, else the next event after the cursor
    /// that this endpoint wants (passing over the others). Null when there is nothing to send.
    /// </summary>
    private async Task<DeliveryRecord?> HeadAsync()
    {
        if (State.Head is { } head)
        {
            if (headEvent?.Position != head.Position) headEvent = await ReadEventAsync(head.Position);
            if (headEvent is not null) return head;
            State.Head = null; // cannot happen with an append-only log; never let it wedge the endpoint
        }
        if (State.Redeliveries.Count > 0)
        {
            var position = State.Redeliveries[0];
            headEvent = await ReadEventAsync(position);
            if (headEvent is not null && publisher.PublicType(headEvent) is { } type) return State.Start(position, type, redelivery: true, Now);
            State.Redeliveries.RemoveAt(0);
            return null;
        }
        while (await NextAfterCursorAsync() is { } stored)
        {
            if (publisher.PublicType(stored) is { } type && State.Endpoint!.Wants(type))
            {
                headEvent = stored;
                return State.Start(stored.Position, type, redelivery: false, Now);
            }
            State.Skip(stored.Position);
        }
        return null;
    }

    /// <summary>The tenant's first event after the cursor, from the page read ahead when it still covers the cursor.</summary>
    private async Task<StoredEvent?> NextAfterCursorAsync()
    {
        var cursor = State.Cursor;
        // The page holds every event after readAfter, so it answers for any cursor from readAfter up to its last
        // position; a reload may have moved the cursor back before it.
        if (cursor < readAfter || readAhead.Count == 0 || cursor >= readAhead[^1].Position)
        {
            readAhead = await store.ReadTenantEventsAsync(Key.TenantId, cursor, ReadSize, CancellationToken.None);
            readAfter = cursor;
        }
        return readAhead.FirstOrDefault(e => e.Position > cursor);
    }

    private async Task<StoredEvent?> ReadEventAsync(long position)
    {
        var found = await store.ReadTenantEventsAsync(Key.TenantId, position - 1, 1, CancellationToken.None);
        return found is [{ } stored] && stored.Position == position ? stored : null;
    }

    private List<IndexEntry> Index()
    {
        if (State.Deleted) return [];
        var index = new List<IndexEntry> { new(ListedIndex, "yes") };
        if (State.Active) index.Add(DueIndex.Entry(DeliverDue, State.DueAt(State.Endpoint!.CreatedAt)));
        return index;
    }

    /// <summary>What the stream's events record of the definition: never the secret.</summary>
    private object Audit() => new { State.Endpoint!.Url, State.Endpoint.EventTypes, State.Endpoint.Description, State.Endpoint.Enabled };

    private WebhookEndpoint RequireExisting() =>
        Exists && !State.Deleted && State.Endpoint is { } endpoint ? endpoint : throw new NotFoundException($"Webhook endpoint '{Key.Id}' not found.");
}
