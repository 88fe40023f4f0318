using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Grains.Routing;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Pickups;
using ReverseLogistics.Silo.Routing;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Returns;

/// <summary>
/// One return (key: tenant id + return id). It applies the lifecycle to its record and
/// persists every transition both in its state's timeline and as an event in its stream.
/// </summary>
public sealed partial class ReturnActor(IReturnRouter router, PickupBooker pickups) : Actor<ReturnRecord>, IActor
{
    public static string TypeName => "return";

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    public Proto.Return Get() => ReturnMapper.ToProto(Key.Id, RequireExisting());

    public async Task<Proto.Return> CreateAsync(ReturnDraft draft, Caller caller, IdempotencyTicket ticket)
    {
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

    public async Task<Proto.Return> ApproveAsync(string note, Caller caller, IdempotencyTicket ticket)
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
    public async Task<Proto.Return> RerouteAsync(string reason, Caller caller, IdempotencyTicket ticket)
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

    public Task<Proto.Return> RejectAsync(string reason, Caller caller, IdempotencyTicket ticket) =>
        MoveAsync(ReturnTrigger.Reject, reason, caller, ticket);

    /// <summary>Cancels the return; a pickup booked for it is released first unless its window is frozen (then the carrier's manifest has it).</summary>
    public async Task<Proto.Return> CancelAsync(string reason, Caller caller, IdempotencyTicket ticket)
    {
        ReturnTransitions.Next(RequireExisting().Rma.State, ReturnTrigger.Cancel);
        await ReleasePickupBeforeCutoffAsync(Now);
        return await MoveAsync(ReturnTrigger.Cancel, reason, caller, ticket);
    }

    public Task<Proto.Return> ConfirmRefundAsync(string paymentReference, Caller caller, IdempotencyTicket ticket)
    {
        State.PaymentReference = paymentReference;
        return MoveAsync(ReturnTrigger.ConfirmRefund, $"payment {paymentReference}", caller, ticket);
    }

    public async Task<Proto.Return> ResolveExceptionAsync(ExceptionResolution resolution, Money? amount, string note, Caller caller,
        IdempotencyTicket ticket)
    {
        var record = RequireExisting();
        var now = Now;
        var resolved = ExceptionResolver.Resolve(new Rma(record.Rma), record.Refund, resolution, amount, note, caller.AuditName, now);
        State.Refund = resolved.Refund;
        return await CommitAsync([resolved.Entry], ticket, now);
    }

    public Proto.ListReturnEventsResponse Events()
    {
        var record = RequireExisting();
        var response = new Proto.ListReturnEventsResponse();
        response.Events.AddRange(record.Rma.Timeline.Select((entry, i) => ReturnMapper.ToProto(i + 1, entry, entry.From)));
        return response;
    }

    public Proto.ReturnLabel Label(Proto.LabelFormat format)
    {
        var record = RequireExisting();
        if (record.Rma.Timeline.All(e => e.Trigger != ReturnTrigger.IssueLabel) || record.Rma.State is ReturnState.Cancelled or ReturnState.Expired)
            throw new PreconditionFailedException($"Return is in state {Describe(record.Rma.State)}; it has no label.");
        var labelFormat = format switch
        {
            Proto.LabelFormat.Zpl => Labels.LabelFormat.Zpl,
            Proto.LabelFormat.Png => Labels.LabelFormat.Png,
            _ => Labels.LabelFormat.Pdf,
        };
        var rendered = ReturnLabels.Render(Key.Id, record, labelFormat);
        return new Proto.ReturnLabel
        {
            ReturnId = Key.Id,
            Format = format == Proto.LabelFormat.Unspecified ? Proto.LabelFormat.Pdf : format,
            ContentType = rendered.ContentType,
            Content = Google.Protobuf.ByteString.CopyFrom(rendered.Content),
            TrackingNumber = record.TrackingNumber ?? "",
            DestinationFulfillmentCenterId = record.Destination?.FulfillmentCenterId ?? "",
        };
    }

    private async Task<Proto.Return> MoveAsync(ReturnTrigger trigger, string details, Caller caller, IdempotencyTicket ticket)
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

    private async Task<Proto.Return> CommitAsync(IReadOnlyList<TimelineEntry> entries, IdempotencyTicket? ticket, DateTime now)
    {
        State.UpdatedAt = now;
        var response = ReturnMapper.ToProto(Key.Id, State);
        await CommitAsync(Events(entries), ticket?.RecordProto(response, now), ReturnIndex.Of(Key.Id, State));
        return response;
    }

    private static List<NewEvent> Events(IEnumerable<TimelineEntry> entries) => [.. entries.Select(e => new NewEvent(e.Trigger.ToString(),
        JsonSerializer.Serialize(new { e.From, e.To, e.Details }, DomainJson.Options), e.Actor, e.At))];

    private ReturnRecord RequireExisting() =>
        Exists ? State : throw new NotFoundException($"Return '{Key.Id}' not found.");

    private static string Describe(ReturnState state) => JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());
}
