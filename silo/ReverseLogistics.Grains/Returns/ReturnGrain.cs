using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Grains.Routing;
using ReverseLogistics.Grains.Idempotency;
using System.Text.Json;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Returns;

/// <summary>
/// A return: the lifecycle applied to its record, every transition kept in its timeline and as an event.
/// </summary>
public sealed partial class ReturnGrain(IActorStore store, PlatformClock clock, IReturnRouter router, PickupBooker pickups)
    : StoreGrain<ReturnRecord>(store, TypeName, clock), IReturnGrain
{
    public const string TypeName = "return";

    public Task<ReturnSnapshot> GetAsync() => Task.FromResult(new ReturnSnapshot(Key.TenantId, Key.Id, RequireExisting()));

    public async Task<ReturnSnapshot> CreateAsync(Immutable<ReturnDraft> handedOver, Caller caller, IdempotencyTicket ticket)
    {
        var draft = handedOver.Value;
        if (Exists) throw new AlreadyExistsException($"Return '{Key.Id}' already exists.");
        var now = Now;
        var eligible = draft.Eligibility.EligibleLineIndexes.ToHashSet();
        var rma = Rma.Open([.. draft.Request.Lines.Select((line, i) => eligible.Contains(i) ? line.Quantity : 0)]);
        State.Request = draft.Request;
        State.CustomerName = draft.CustomerName;
        State.CustomerFlagged = draft.CustomerFlagged;
        State.Policy = draft.Policy;
        State.Eligibility = draft.Eligibility;
        State.Rma = rma.State;
        State.Refund = draft.Eligibility.EstimatedRefund;
        State.TenantName = draft.TenantName;
        State.CreatedAt = now;

        var reasons = string.Join("; ", draft.Eligibility.Decision.Reasons.Select(r => r.Message));
        var entries = draft.Eligibility.Decision.Kind switch
        {
            DecisionKind.AutoApprove => [rma.Apply(ReturnTrigger.Approve, "system:auto-approve", now, reasons), .. await RouteAndLabelAsync(rma, now)],
            DecisionKind.ManualReview => [rma.Apply(ReturnTrigger.SendToManualReview, "system:policy", now, reasons)],
            _ => new List<TimelineEntry> { rma.Apply(ReturnTrigger.Reject, "system:policy", now, reasons) },
        };
        return await CommitAsync(entries, ticket, now);
    }

    public async Task<ReturnSnapshot> ApproveAsync(string note, Caller caller, IdempotencyTicket ticket)
    {
        var rma = new Rma(RequireExisting().Rma);
        var now = Now;
        var approval = rma.Apply(ReturnTrigger.Approve, caller.AuditName, now, note.Length == 0 ? null : note);
        return await CommitAsync([approval, .. await RouteAndLabelAsync(rma, now)], ticket, now);
    }

    /// <summary>
    /// Routes the return again before its parcel is on the way: books the new centre, frees the old one and
    /// reissues the label (a new tracking number for carrier returns). A return approved while no centre could
    /// take it gets its first label here. FAILED_PRECONDITION when no centre can take it now either.
    /// </summary>
    public async Task<ReturnSnapshot> RerouteAsync(string reason, Caller caller, IdempotencyTicket ticket)
    {
        var record = RequireExisting();
        var rma = new Rma(record.Rma);
        ReturnTransitions.Next(rma.Current, ReturnTrigger.Reroute);
        var now = Now;
        var subject = RoutingSubject.Of(Key.TenantId, Key.Id, record);
        var route = await router.AssignAsync(subject, now, CancellationToken.None);
        if (route.Destination is not { } destination)
            throw new PreconditionFailedException($"No centre can take return '{Key.Id}' now: {route.Decision.Explanation}");
        var previous = record.Routing is { DefaultCentre: false } ? record.Destination?.FulfillmentCenterId : null;
        if (previous is not null && previous != destination.FulfillmentCenterId) await router.ReleaseAsync(subject, previous, CancellationToken.None);

        var moved = record.Destination?.FulfillmentCenterId != destination.FulfillmentCenterId;
        var from = record.Destination?.FulfillmentCenterId ?? "no centre";
        State.Routing = route;
        State.Destination = destination;
        var why = reason.Length == 0 ? "" : $"{reason}; ";
        List<TimelineEntry> entries =
        [
            rma.Apply(ReturnTrigger.Reroute, caller.AuditName, now,
                moved ? $"{from} -> {destination.FulfillmentCenterId}: {why}{route.Decision.Explanation}" : $"stays at {from}: {why}{route.Decision.Explanation}"),
        ];
        if (rma.Current == ReturnState.Approved) entries.AddRange(IssueLabel(rma, now));
        else if (moved && State.TrackingNumber is not null) State.TrackingNumber = TrackingNumbers.New();
        return await CommitAsync(entries, ticket, now);
    }

    public Task<ReturnSnapshot> RejectAsync(string reason, Caller caller, IdempotencyTicket ticket) =>
        MoveAsync(ReturnTrigger.Reject, reason, caller, ticket);

    /// <summary>Cancels the return; a pickup booked for it is released first unless its window is frozen (then the carrier's manifest has it).</summary>
    public async Task<ReturnSnapshot> CancelAsync(string reason, Caller caller, IdempotencyTicket ticket)
    {
        ReturnTransitions.Next(RequireExisting().Rma.State, ReturnTrigger.Cancel);
        await ReleasePickupBeforeCutoffAsync(Now);
        return await MoveAsync(ReturnTrigger.Cancel, reason, caller, ticket);
    }

    public Task<ReturnSnapshot> ConfirmRefundAsync(string paymentReference, Caller caller, IdempotencyTicket ticket)
    {
        State.PaymentReference = paymentReference;
        return MoveAsync(ReturnTrigger.ConfirmRefund, $"payment {paymentReference}", caller, ticket);
    }

    public async Task<ReturnSnapshot> ResolveExceptionAsync(ExceptionResolution resolution, Money? amount, string note, Caller caller,
        IdempotencyTicket ticket)
    {
        var record = RequireExisting();
        var now = Now;
        var resolved = ExceptionResolver.Resolve(new Rma(record.Rma), record.Refund, resolution, amount, note, caller.AuditName, now);
        State.Refund = resolved.Refund;
        return await CommitAsync([resolved.Entry], ticket, now);
    }

    private async Task<ReturnSnapshot> MoveAsync(ReturnTrigger trigger, string details, Caller caller, IdempotencyTicket ticket)
    {
        var rma = new Rma(RequireExisting().Rma);
        var now = Now;
        var entry = rma.Apply(trigger, caller.AuditName, now, details.Length == 0 ? null : details);
        return await CommitAsync([entry], ticket, now);
    }

    /// <summary>
    /// Routes the approved return (booking the centre's capacity) and issues its label there. When no centre
    /// can take it, it stays approved without a label, the decision explaining why, until an operator reroutes it.
    /// </summary>
    private async Task<List<TimelineEntry>> RouteAndLabelAsync(Rma rma, DateTime now)
    {
        var route = await router.AssignAsync(RoutingSubject.Of(Key.TenantId, Key.Id, State), now, CancellationToken.None);
        State.Routing = route;
        State.Destination = route.Destination;
        return route.Destination is null
            ? [rma.Apply(ReturnTrigger.HoldUnrouted, "system:routing", now, route.Decision.Explanation)]
            : IssueLabel(rma, now, route.Decision.Explanation);
    }

    /// <summary>
    /// Carrier returns get a tracking number; drop-off and in-store returns then wait for the customer.
    /// <paramref name="routedBecause"/> puts the routing decision on the timeline (a reroute's own entry already has it).
    /// </summary>
    private List<TimelineEntry> IssueLabel(Rma rma, DateTime now, string? routedBecause = null)
    {
        var carrier = State.Request.ReturnMethod == ReturnMethod.CarrierPickup;
        State.TrackingNumber = carrier ? TrackingNumbers.New() : null;
        var destination = State.Destination?.FulfillmentCenterId;
        var label = carrier ? $"tracking {State.TrackingNumber} to {destination}" : $"QR code for {destination}";
        var issued = rma.Apply(ReturnTrigger.IssueLabel, "system:labels", now, routedBecause is null ? label : $"{label}; {routedBecause}");
        return carrier ? [issued] : [issued, rma.Apply(ReturnTrigger.AwaitDropOff, "system:labels", now)];
    }

    private async Task<ReturnSnapshot> CommitAsync(IReadOnlyList<TimelineEntry> entries, IdempotencyTicket? ticket, DateTime now)
    {
        State.UpdatedAt = now;
        await CommitRecordingStateAsync(Events(entries),
            state => ticket?.Record(new { Key.TenantId, ReturnId = Key.Id, State = state }, now), // read back as a ReturnSnapshot
            ReturnIndex.Of(Key.Id, State));
        return new ReturnSnapshot(Key.TenantId, Key.Id, State);
    }

    private static List<NewEvent> Events(IEnumerable<TimelineEntry> entries) => [.. entries.Select(e => new NewEvent(e.Trigger.ToString(),
        JsonSerializer.Serialize(new { e.From, e.To, e.Details }, DomainJson.Options), e.Actor, e.At))];

    private ReturnRecord RequireExisting() =>
        Exists ? State : throw new NotFoundException($"Return '{Key.Id}' not found.");

    private static string Describe(ReturnState state) => JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());
}
