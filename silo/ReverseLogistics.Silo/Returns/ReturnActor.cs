using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Pickups;
using ReverseLogistics.Silo.Receiving;
using ReverseLogistics.Silo.Routing;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Returns;

/// <summary>
/// One return (key: tenant id + return id). It applies the lifecycle to its record and
/// persists every transition both in its state's timeline and as an event in its stream.
/// </summary>
public sealed class ReturnActor(IReturnRouter router, PickupBooker pickups) : Actor<ReturnRecord>, IActor
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
        return route.Destination is null ? [] : IssueLabel(rma, now, route.Decision.Explanation);
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
        await CommitAsync(Events(entries), ticket?.Record(response, now), ReturnIndex.Of(Key.Id, State));
        return response;
    }

    private static List<NewEvent> Events(IEnumerable<TimelineEntry> entries) => [.. entries.Select(e => new NewEvent(e.Trigger.ToString(),
        JsonSerializer.Serialize(new { e.From, e.To, e.Details }, ActorJson.Options), e.Actor, e.At))];

    private ReturnRecord RequireExisting() =>
        Exists ? State : throw new NotFoundException($"Return '{Key.Id}' not found.");

    private static string Describe(ReturnState state) => JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());

    // Warehouse handhelds (ReceivingService): each step checks the parcel is at its destination centre, in the same turn.

    public Task<Proto.Parcel> ScanAsync(HandheldScan scan, IdempotencyTicket ticket) =>
        HandleAsync(scan, ticket, (handling, _, now) => handling.Arrive(scan.CentreId, scan.Actor, now));

    public Task<Proto.Parcel> ReceiveItemsAsync(HandheldScan scan, IReadOnlyList<ReceivedItem> items, IReadOnlyList<UnexpectedItem> unexpected,
        IdempotencyTicket ticket) =>
        HandleAsync(scan, ticket, (handling, _, now) => handling.Receive(items, unexpected, scan.CentreId, scan.Actor, now));

    /// <summary>Grades one line; the last one settles the return and issues the refund.</summary>
    public Task<Proto.Parcel> RecordInspectionAsync(HandheldScan scan, int lineIndex, InspectionGrade grade, string? notes,
        IReadOnlyList<string> photoReferences, IReadOnlyList<MismatchFlag> mismatches, IdempotencyTicket ticket) =>
        HandleAsync(scan, ticket, (handling, record, now) =>
        {
            var (entries, complete) = handling.Inspect(lineIndex, grade, notes, photoReferences, mismatches, scan.Actor, now);
            if (!complete) return entries;
            var (settled, refund) = handling.Settle(record.Policy, record.Request.RequestedResolution, now);
            record.Refund = refund;
            return [.. entries, .. settled];
        });

    public Task<Proto.Parcel> SetDispositionAsync(HandheldScan scan, int lineIndex, Disposition disposition, IdempotencyTicket ticket) =>
        HandleAsync(scan, ticket, (handling, _, now) => handling.SetDisposition(lineIndex, disposition, scan.Actor, now));

    public Task<Proto.Parcel> ReportExceptionAsync(HandheldScan scan, ExceptionKind kind, string? notes, IdempotencyTicket ticket) =>
        HandleAsync(scan, ticket, (handling, _, now) => handling.ReportException(kind, notes, scan.CentreId, scan.Actor, now));

    private async Task<Proto.Parcel> HandleAsync(HandheldScan scan, IdempotencyTicket ticket,
        Func<ParcelHandling, ReturnRecord, DateTime, List<TimelineEntry>> step)
    {
        var record = RequireExisting();
        var destination = record.Destination?.FulfillmentCenterId;
        if (destination != scan.CentreId)
            throw new PreconditionFailedException(
                $"Return '{Key.Id}' belongs to fulfilment centre '{destination ?? "none"}', not '{scan.CentreId}': send the parcel there.");
        var now = Now;
        var entries = step(new ParcelHandling(new Rma(record.Rma), record.Receiving, record.Request.Lines), record, now);
        State.UpdatedAt = now;
        var response = ParcelMapper.ToProto(Key.TenantId, Key.Id, State);
        await CommitAsync(Events(entries), ticket.Record(response, now), ReturnIndex.Of(Key.Id, State));
        return response;
    }

    /// <summary>
    /// The label-expiry timer (the scheduler's sweep): expires the return if its label has outlived the
    /// policy's validity by now. The sweep's index may be stale, so the actor decides on its own state.
    /// </summary>
    /// <returns>Whether the return expired in this turn.</returns>
    public async Task<bool> ExpireLabelIfDueAsync()
    {
        var now = Now;
        if (!Exists || ReturnTimers.LabelExpiresAt(State.Rma, State.Policy) is not { } expiresAt || expiresAt > now) return false;
        await ReleasePickupBeforeCutoffAsync(now);
        var entry = new Rma(State.Rma).Apply(ReturnTrigger.Expire, "system:label-expiry", now,
            $"label valid {State.Policy.LabelValidDays} days, until {ReturnIndex.Timestamp(expiresAt)}; not shipped");
        await CommitAsync([entry], null, now);
        return true;
    }

    /// <summary>
    /// The inspection-SLA timer: records an escalation on the timeline, once, if the return has waited
    /// for inspection longer than the policy allows. The state does not change.
    /// </summary>
    /// <returns>Whether the return was escalated in this turn.</returns>
    public async Task<bool> EscalateInspectionIfDueAsync()
    {
        var now = Now;
        if (!Exists || ReturnTimers.InspectionDueAt(State.Rma, State.Policy) is not { } dueAt || dueAt > now) return false;
        var entry = new Rma(State.Rma).Apply(ReturnTrigger.EscalateInspection, "system:inspection-sla", now,
            $"not inspected within {State.Policy.InspectionSlaHours} hours of receipt (due {ReturnIndex.Timestamp(dueAt)})");
        await CommitAsync([entry], null, now);
        return true;
    }

    // Carrier pickups (PickupService) and tracking: the window actors hold capacity, the return holds its booking.

    public Proto.Pickup Pickup() =>
        RequireExisting().Pickup is not null ? PickupMapper.ToProto(Key.Id, State, Now) : throw new NotFoundException($"Return '{Key.Id}' has no pickup.");

    /// <summary>Books the customer pickup (see <see cref="PickupBooker"/>); the return awaits it.</summary>
    public async Task<Proto.Pickup> SchedulePickupAsync(PickupRequest request, Caller caller, IdempotencyTicket ticket)
    {
        var record = RequireExisting();
        if (record.Request.ReturnMethod != ReturnMethod.CarrierPickup)
            throw new PreconditionFailedException(
                $"Return '{Key.Id}' is a {JsonNamingPolicy.SnakeCaseLower.ConvertName(record.Request.ReturnMethod.ToString())} return; only carrier-pickup returns are collected.");
        if (record.Pickup is { Status: PickupStatus.Booked })
            throw new PreconditionFailedException($"Return '{Key.Id}' already has a pickup booked; use ReschedulePickup to move it.");
        var rma = new Rma(record.Rma);
        ReturnTransitions.Next(rma.Current, ReturnTrigger.SchedulePickup);
        var now = Now;
        var slot = await pickups.BookAsync(Key, record, request, now);
        State.Pickup = new PickupBooking(slot, PickupStatus.Booked, 0, now);
        var entry = rma.Apply(ReturnTrigger.SchedulePickup, caller.AuditName, now, $"pickup booked: {PickupMapper.Describe(slot)}");
        return await CommitPickupAsync([entry], ticket, now);
    }

    /// <summary>Moves the booked pickup to another window before the cut-off, releasing the old one once the new one is held.</summary>
    public async Task<Proto.Pickup> ReschedulePickupAsync(PickupRequest request, Caller caller, IdempotencyTicket ticket)
    {
        var booking = RequireChangeablePickup(out var now);
        var slot = await pickups.BookAsync(Key, State, request, now);
        if (slot.WindowId != booking.Slot.WindowId) await pickups.ReleaseAsync(booking.Slot, Key);
        State.Pickup = new PickupBooking(slot, PickupStatus.Booked, booking.Rebookings, now);
        var entry = new Rma(State.Rma).Apply(ReturnTrigger.SchedulePickup, caller.AuditName, now,
            $"pickup moved from {PickupMapper.Describe(booking.Slot)} to {PickupMapper.Describe(slot)}");
        return await CommitPickupAsync([entry], ticket, now);
    }

    public async Task<Proto.Pickup> CancelPickupAsync(Caller caller, IdempotencyTicket ticket)
    {
        var booking = RequireChangeablePickup(out var now);
        await pickups.ReleaseAsync(booking.Slot, Key);
        State.Pickup = booking with { Status = PickupStatus.Cancelled };
        var entry = new Rma(State.Rma).Apply(ReturnTrigger.CancelPickup, caller.AuditName, now, $"pickup cancelled: {PickupMapper.Describe(booking.Slot)}");
        return await CommitPickupAsync([entry], ticket, now);
    }

    /// <summary>
    /// A carrier's tracking event: moves the return forward as <see cref="CarrierTracking"/> decides, never back.
    /// A carrier event id seen before gets its first answer and changes nothing.
    /// </summary>
    public async Task<Proto.TrackingEventResult> ReportTrackingEventAsync(TrackingEvent report, IdempotencyTicket ticket)
    {
        var record = RequireExisting();
        if (record.Tracking.Results.TryGetValue(report.CarrierEventId, out var first)) return PickupMapper.ToProto(Key.TenantId, Key.Id, first);
        var now = Now;
        var rma = new Rma(record.Rma);
        var decision = CarrierTracking.Decide(rma.Current, record.Tracking.LatestCarrierTime, report);
        var actor = $"carrier:{report.CarrierId}";
        var details = string.Join("; ", new[] { decision.Explanation, report.Location, report.Details, $"carrier time {ReturnIndex.Timestamp(report.OccurredAt)}" }
            .Where(d => !string.IsNullOrEmpty(d)));
        List<TimelineEntry> entries = decision.Move switch
        {
            TrackingMove.MarkInTransit => [rma.Apply(ReturnTrigger.MarkInTransit, actor, now, details)],
            TrackingMove.RaiseException => [rma.RaiseException(ExceptionKind.CarrierException, actor, now, details)],
            _ => [],
        };
        if (decision.Outcome == TrackingOutcome.Applied)
        {
            State.Tracking.LatestCarrierTime = report.OccurredAt;
            if (report.Kind == TrackingEventKind.DeliveredToCenter) State.Tracking.DeliveredToCenterAt = report.OccurredAt;
            if (report.Kind != TrackingEventKind.Exception && State.Pickup is { Status: PickupStatus.Booked } booked)
                State.Pickup = booked with { Status = PickupStatus.PickedUp };
        }
        var result = new TrackingResult(decision.Outcome, rma.Current, decision.Explanation);
        State.Tracking.Results[report.CarrierEventId] = result;
        State.UpdatedAt = now;
        var response = PickupMapper.ToProto(Key.TenantId, Key.Id, result);
        var recorded = new NewEvent(decision.Outcome == TrackingOutcome.Applied ? "TrackingEventApplied" : "TrackingEventIgnored",
            JsonSerializer.Serialize(new { report.CarrierEventId, report.Kind, report.OccurredAt, report.Location, report.Details, decision.Explanation }, ActorJson.Options),
            actor, now);
        await CommitAsync([.. Events(entries), recorded], ticket.Record(response, now), ReturnIndex.Of(Key.Id, State));
        return response;
    }

    /// <summary>
    /// The missed-pickup timer: the window ended without a pick-up scan, so the pickup is rebooked into the next window
    /// with room, at most <see cref="PickupRules.MaxRebookings"/> times; then (or with no window left) the return is an exception.
    /// </summary>
    /// <returns>Whether the return was rebooked or raised in this turn.</returns>
    public async Task<bool> HandleMissedPickupIfDueAsync()
    {
        var now = Now;
        if (!Exists || State.Rma.State != ReturnState.AwaitingPickup || State.Pickup is not { Status: PickupStatus.Booked } booking
            || booking.Slot.EndUtc + PickupRules.MissedPickupGrace > now) return false;
        const string actor = "system:missed-pickup";
        var rma = new Rma(State.Rma);
        var missed = $"missed {PickupMapper.Describe(booking.Slot)}";
        var slot = booking.Rebookings < PickupRules.MaxRebookings ? await pickups.RebookAsync(Key, State, now) : null;
        TimelineEntry entry;
        if (slot is not null)
        {
            State.Pickup = new PickupBooking(slot, PickupStatus.Booked, booking.Rebookings + 1, now);
            entry = rma.Apply(ReturnTrigger.SchedulePickup, actor, now,
                $"{missed}; rebooked into {PickupMapper.Describe(slot)} (rebooking {booking.Rebookings + 1} of {PickupRules.MaxRebookings})");
        }
        else
        {
            State.Pickup = booking with { Status = PickupStatus.Missed };
            entry = rma.RaiseException(ExceptionKind.MissedPickup, actor, now,
                booking.Rebookings < PickupRules.MaxRebookings ? $"{missed}; no later window has room" : $"{missed} after {booking.Rebookings} rebookings");
        }
        State.UpdatedAt = now;
        await CommitAsync(Events([entry]), null, ReturnIndex.Of(Key.Id, State));
        return true;
    }

    /// <summary>A return leaving the pickup flow (cancelled, expired) gives its place back, unless the window is frozen on its manifest.</summary>
    private async Task ReleasePickupBeforeCutoffAsync(DateTime now)
    {
        if (State.Pickup is not { Status: PickupStatus.Booked } booking || booking.IsFrozenAt(now)) return;
        await pickups.ReleaseAsync(booking.Slot, Key);
        State.Pickup = booking with { Status = PickupStatus.Cancelled };
    }

    private PickupBooking RequireChangeablePickup(out DateTime now)
    {
        var record = RequireExisting();
        now = Now;
        if (record.Pickup is not { Status: PickupStatus.Booked } booking || record.Rma.State != ReturnState.AwaitingPickup)
            throw new PreconditionFailedException($"Return '{Key.Id}' has no pickup booked.");
        if (booking.IsFrozenAt(now))
            throw new PreconditionFailedException(
                $"The pickup's cut-off passed at {ReturnIndex.Timestamp(booking.Slot.CutoffUtc)}; it is on manifest '{booking.Slot.WindowId}' and can no longer be changed.");
        return booking;
    }

    private async Task<Proto.Pickup> CommitPickupAsync(IReadOnlyList<TimelineEntry> entries, IdempotencyTicket ticket, DateTime now)
    {
        State.UpdatedAt = now;
        var response = PickupMapper.ToProto(Key.Id, State, now);
        await CommitAsync(Events(entries), ticket.Record(response, now), ReturnIndex.Of(Key.Id, State));
        return response;
    }
}
