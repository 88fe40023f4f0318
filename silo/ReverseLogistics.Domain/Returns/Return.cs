using ReverseLogistics.Domain.Network;
using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Routing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// A return (RMA) with its rules: every command is a guarded transition of its <see cref="Record"/>. A transition
/// checks the state and the rule first and throws <see cref="PreconditionFailedException"/> when they do not allow it
/// (<see cref="InvalidInputException"/> for bad input); otherwise it changes the record in place and answers with
/// the timeline entries it appended, each by its actor. Whoever persists the record commits both, and throws the
/// record away when a transition failed. What happens on other objects (routing, capacity, carrier windows) is
/// decided by the caller's calls and handed in as values: a route, a booked pickup slot.
/// </summary>
public sealed class Return(string id, ReturnRecord record)
{
    private const string Labels = "system:labels";

    public string Id { get; } = id;

    /// <summary>The return's state, as persisted.</summary>
    public ReturnRecord Record { get; } = record;

    public ReturnState Status => Record.Rma.State;

    private Rma Lifecycle => new(Record.Rma);

    /// <summary>Creates the return from what was decided before it existed; the policy's verdict is its first entry.</summary>
    public ReturnChange Open(ReturnDraft draft, DateTime now)
    {
        var eligible = draft.Eligibility.EligibleLineIndexes.ToHashSet();
        var rma = Rma.Open([.. draft.Request.Lines.Select((line, i) => eligible.Contains(i) ? line.Quantity : 0)]);
        Record.Request = draft.Request;
        Record.CustomerName = draft.CustomerName;
        Record.CustomerFlagged = draft.CustomerFlagged;
        Record.Policy = draft.Policy;
        Record.Eligibility = draft.Eligibility;
        Record.Rma = rma.State;
        Record.Refund = draft.Eligibility.EstimatedRefund;
        Record.TenantName = draft.TenantName;
        Record.CreatedAt = now;
        Record.AnalyticsFacets = [.. Analytics.ReturnAnalytics.CurrentFacets];

        var reasons = string.Join("; ", draft.Eligibility.Decision.Reasons.Select(r => r.Message));
        var entry = draft.Eligibility.Decision.Kind switch
        {
            DecisionKind.AutoApprove => rma.Apply(ReturnTrigger.Approve, "system:auto-approve", now, reasons),
            DecisionKind.ManualReview => rma.Apply(ReturnTrigger.SendToManualReview, "system:policy", now, reasons),
            _ => rma.Apply(ReturnTrigger.Reject, "system:policy", now, reasons),
        };
        return new([entry]);
    }

    /// <summary>Approves the return; it is routed next (<see cref="Route"/>).</summary>
    public ReturnChange Approve(string note, string actor, DateTime now) => Move(ReturnTrigger.Approve, note, actor, now);

    /// <summary>
    /// Sends the approved return where <paramref name="route"/> says and issues its label there. When no centre could
    /// take it, it stays approved without a label, the decision explaining why, until an operator reroutes it.
    /// </summary>
    public ReturnChange Route(ReturnRoute route, DateTime now)
    {
        ReturnTransitions.Next(Status, ReturnTrigger.IssueLabel); // only an approved return is routed
        Record.Routing = route;
        Record.Destination = route.Destination;
        return route.Destination is null
            ? new([Lifecycle.Apply(ReturnTrigger.HoldUnrouted, "system:routing", now, route.Decision.Explanation)])
            : new(IssueLabel(now, route.Decision.Explanation));
    }

    /// <summary>Whether the return may be routed again now: before its parcel is on the way.</summary>
    public void RequireReroutable() => ReturnTransitions.Next(Status, ReturnTrigger.Reroute);

    /// <summary>
    /// Sends the return where <paramref name="route"/> says and reissues its label (a new tracking number for carrier
    /// returns); a return approved while no centre could take it gets its first label. The capacity booked at the old
    /// centre is to be released.
    /// </summary>
    public ReturnChange Reroute(ReturnRoute route, string reason, string actor, DateTime now)
    {
        RequireReroutable();
        if (route.Destination is not { } destination)
            throw new PreconditionFailedException($"No centre can take return '{Id}' now: {route.Decision.Explanation}");
        var held = CenterContribution.HeldBy(Record);
        var moved = Record.Destination?.FulfillmentCenterId != destination.FulfillmentCenterId;
        var from = Record.Destination?.FulfillmentCenterId ?? "no centre";
        Record.Routing = route;
        Record.Destination = destination;

        var why = reason.Length == 0 ? "" : $"{reason}; ";
        var details = moved
            ? $"{from} -> {destination.FulfillmentCenterId}: {why}{route.Decision.Explanation}"
            : $"stays at {from}: {why}{route.Decision.Explanation}";
        List<TimelineEntry> entries = [Lifecycle.Apply(ReturnTrigger.Reroute, actor, now, details)];
        if (Status == ReturnState.Approved) entries.AddRange(IssueLabel(now));
        else if (moved && Record.TrackingNumber is not null) Record.TrackingNumber = TrackingNumbers.New();
        return new(entries) { CapacityToRelease = held?.CenterId == destination.FulfillmentCenterId ? null : held };
    }

    public ReturnChange Reject(string reason, string actor, DateTime now) => Move(ReturnTrigger.Reject, reason, actor, now);

    /// <summary>Cancels the return; its booked pickup is given up unless the window is frozen (then the carrier's manifest has it).</summary>
    public ReturnChange Cancel(string reason, string actor, DateTime now)
    {
        ReturnTransitions.Next(Status, ReturnTrigger.Cancel);
        var released = GiveUpPickupBeforeCutoff(now);
        return Move(ReturnTrigger.Cancel, reason, actor, now) with { PickupToRelease = released };
    }

    public ReturnChange ConfirmRefund(string paymentReference, string actor, DateTime now)
    {
        var change = Move(ReturnTrigger.ConfirmRefund, $"payment {paymentReference}", actor, now);
        Record.PaymentReference = paymentReference;
        return change;
    }

    /// <summary>Resolves a return in exception (see <see cref="ExceptionResolver"/>); the refund becomes what the resolution pays.</summary>
    public ReturnChange ResolveException(ExceptionResolution resolution, Money? amount, string note, string actor, DateTime now)
    {
        var resolved = ExceptionResolver.Resolve(Lifecycle, Record.Refund, resolution, amount, note, actor, now);
        Record.Refund = resolved.Refund;
        return new([resolved.Entry]);
    }

    /// <summary>Whether a customer pickup may be booked: a carrier-pickup return, none booked yet, in a state that awaits one.</summary>
    public void RequirePickupSchedulable()
    {
        if (Record.Request.ReturnMethod != ReturnMethod.CarrierPickup)
            throw new PreconditionFailedException(
                $"Return '{Id}' is a {JsonNamingPolicy.SnakeCaseLower.ConvertName(Record.Request.ReturnMethod.ToString())} return; only carrier-pickup returns are collected.");
        if (Record.Pickup is { Status: PickupStatus.Booked })
            throw new PreconditionFailedException($"Return '{Id}' already has a pickup booked; use ReschedulePickup to move it.");
        ReturnTransitions.Next(Status, ReturnTrigger.SchedulePickup);
    }

    /// <summary>The return awaits its pickup in <paramref name="slot"/>, booked on the carrier's window.</summary>
    public ReturnChange SchedulePickup(PickupSlot slot, string actor, DateTime now)
    {
        RequirePickupSchedulable();
        Record.Pickup = new PickupBooking(slot, PickupStatus.Booked, 0, now);
        return new([Lifecycle.Apply(ReturnTrigger.SchedulePickup, actor, now, $"pickup booked: {PickupText.Describe(slot)}")]);
    }

    /// <summary>The booked pickup, if it can still be moved or cancelled: booked, awaited, and its cut-off not passed.</summary>
    public PickupBooking RequireChangeablePickup(DateTime now)
    {
        if (Record.Pickup is not { Status: PickupStatus.Booked } booking || Status != ReturnState.AwaitingPickup)
            throw new PreconditionFailedException($"Return '{Id}' has no pickup booked.");
        if (booking.IsFrozenAt(now))
            throw new PreconditionFailedException(
                $"The pickup's cut-off passed at {ReturnText.Timestamp(booking.Slot.CutoffUtc)}; it is on manifest '{booking.Slot.WindowId}' and can no longer be changed.");
        return booking;
    }

    /// <summary>Moves the booked pickup to <paramref name="slot"/>, booked already; the old window's place is to be released.</summary>
    public ReturnChange ReschedulePickup(PickupSlot slot, string actor, DateTime now)
    {
        var booking = RequireChangeablePickup(now);
        Record.Pickup = new PickupBooking(slot, PickupStatus.Booked, booking.Rebookings, now);
        var entry = Lifecycle.Apply(ReturnTrigger.SchedulePickup, actor, now,
            $"pickup moved from {PickupText.Describe(booking.Slot)} to {PickupText.Describe(slot)}");
        return new([entry]) { PickupToRelease = slot.WindowId == booking.Slot.WindowId ? null : booking.Slot };
    }

    public ReturnChange CancelPickup(string actor, DateTime now)
    {
        var booking = RequireChangeablePickup(now);
        Record.Pickup = booking with { Status = PickupStatus.Cancelled };
        var entry = Lifecycle.Apply(ReturnTrigger.CancelPickup, actor, now, $"pickup cancelled: {PickupText.Describe(booking.Slot)}");
        return new([entry]) { PickupToRelease = booking.Slot };
    }

    /// <summary>The awaited pickup's window ended, with its grace, without a pick-up scan.</summary>
    public bool IsPickupMissedBy(DateTime now) => MissedPickup(now) is not null;

    /// <summary>Whether a missed pickup may be rebooked: at most <see cref="PickupRules.MaxRebookings"/> times.</summary>
    public bool MayRebookPickup => Record.Pickup is { } booking && booking.Rebookings < PickupRules.MaxRebookings;

    /// <summary>
    /// The missed-pickup rule: rebooked into <paramref name="rebookedInto"/> when the caller found a window with room
    /// (only asked while <see cref="MayRebookPickup"/>), otherwise the return is an exception.
    /// </summary>
    public ReturnChange HandleMissedPickup(PickupSlot? rebookedInto, DateTime now)
    {
        if (MissedPickup(now) is not { } booking)
            throw new PreconditionFailedException($"Return '{Id}' has no missed pickup.");
        const string actor = "system:missed-pickup";
        var missed = $"missed {PickupText.Describe(booking.Slot)}";
        if (rebookedInto is not null)
        {
            Record.Pickup = new PickupBooking(rebookedInto, PickupStatus.Booked, booking.Rebookings + 1, now);
            return new([Lifecycle.Apply(ReturnTrigger.SchedulePickup, actor, now,
                $"{missed}; rebooked into {PickupText.Describe(rebookedInto)} (rebooking {booking.Rebookings + 1} of {PickupRules.MaxRebookings})")]);
        }
        Record.Pickup = booking with { Status = PickupStatus.Missed };
        return new([Lifecycle.RaiseException(ExceptionKind.MissedPickup, actor, now,
            booking.Rebookings < PickupRules.MaxRebookings ? $"{missed}; no later window has room" : $"{missed} after {booking.Rebookings} rebookings")]);
    }

    /// <summary>
    /// A carrier's tracking event moves the return forward as <see cref="CarrierTracking"/> decides, never back.
    /// An event id answered before gets its first answer and changes nothing.
    /// </summary>
    public TrackingChange ApplyTrackingEvent(TrackingEvent report, DateTime now)
    {
        var actor = $"carrier:{report.CarrierId}";
        if (Record.Tracking.Results.TryGetValue(report.CarrierEventId, out var first)) return new(first, actor, [], IsRepeat: true);
        var decision = CarrierTracking.Decide(Status, Record.Tracking.LatestCarrierTime, report);
        var details = string.Join("; ", new[] { decision.Explanation, report.Location, report.Details, $"carrier time {ReturnText.Timestamp(report.OccurredAt)}" }
            .Where(d => !string.IsNullOrEmpty(d)));
        List<TimelineEntry> entries = decision.Move switch
        {
            TrackingMove.MarkInTransit => [Lifecycle.Apply(ReturnTrigger.MarkInTransit, actor, now, details)],
            TrackingMove.RaiseException => [Lifecycle.RaiseException(ExceptionKind.CarrierException, actor, now, details)],
            _ => [],
        };
        if (decision.Outcome == TrackingOutcome.Applied)
        {
            Record.Tracking.LatestCarrierTime = report.OccurredAt;
            if (report.Kind == TrackingEventKind.DeliveredToCenter) Record.Tracking.DeliveredToCenterAt = report.OccurredAt;
            if (report.Kind != TrackingEventKind.Exception && Record.Pickup is { Status: PickupStatus.Booked } booked)
                Record.Pickup = booked with { Status = PickupStatus.PickedUp };
        }
        var result = new TrackingResult(decision.Outcome, Status, decision.Explanation);
        Record.Tracking.Results[report.CarrierEventId] = result;
        return new(result, actor, entries);
    }

    /// <summary>A handheld of the destination centre scanned the parcel in.</summary>
    public ReturnChange Scan(HandheldScan scan, DateTime now) =>
        AtDestination(scan, handling => handling.Arrive(scan.CentreId, scan.Actor, now));

    public ReturnChange ReceiveItems(HandheldScan scan, IReadOnlyList<ReceivedItem> items, IReadOnlyList<UnexpectedItem> unexpected, DateTime now) =>
        AtDestination(scan, handling => handling.Receive(items, unexpected, scan.CentreId, scan.Actor, now));

    /// <summary>Grades one line; the last one settles the return and sets its refund.</summary>
    public ReturnChange RecordInspection(HandheldScan scan, int lineIndex, InspectionGrade grade, string? notes,
        IReadOnlyList<string> photoReferences, IReadOnlyList<MismatchFlag> mismatches, DateTime now) =>
        AtDestination(scan, handling =>
        {
            var (entries, complete) = handling.Inspect(lineIndex, grade, notes, photoReferences, mismatches, scan.Actor, now);
            if (!complete) return entries;
            var (settled, refund) = handling.Settle(Record.Policy, Record.Request.RequestedResolution, now);
            Record.Refund = refund;
            return [.. entries, .. settled];
        });

    public ReturnChange SetDisposition(HandheldScan scan, int lineIndex, Disposition disposition, DateTime now) =>
        AtDestination(scan, handling => handling.SetDisposition(lineIndex, disposition, scan.Actor, now));

    public ReturnChange ReportException(HandheldScan scan, ExceptionKind kind, string? notes, DateTime now) =>
        AtDestination(scan, handling => handling.ReportException(kind, notes, scan.CentreId, scan.Actor, now));

    /// <summary>
    /// The label-expiry rule: expires the return if its label has outlived the policy's validity by
    /// <paramref name="now"/>, giving up its pickup unless frozen; null when nothing is due.
    /// </summary>
    public ReturnChange? ExpireLabelIfDue(DateTime now)
    {
        if (ReturnTimers.LabelExpiresAt(Record.Rma, Record.Policy) is not { } expiresAt || expiresAt > now) return null;
        var released = GiveUpPickupBeforeCutoff(now);
        var entry = Lifecycle.Apply(ReturnTrigger.Expire, "system:label-expiry", now,
            $"label valid {Record.Policy.LabelValidDays} days, until {ReturnText.Timestamp(expiresAt)}; not shipped");
        return new([entry]) { PickupToRelease = released };
    }

    /// <summary>The inspection SLA: an escalation on the timeline, once, when the return waited too long; the state stays. Null when nothing is due.</summary>
    public ReturnChange? EscalateInspectionIfDue(DateTime now)
    {
        if (ReturnTimers.InspectionDueAt(Record.Rma, Record.Policy) is not { } dueAt || dueAt > now) return null;
        return new([Lifecycle.Apply(ReturnTrigger.EscalateInspection, "system:inspection-sla", now,
            $"not inspected within {Record.Policy.InspectionSlaHours} hours of receipt (due {ReturnText.Timestamp(dueAt)})")]);
    }

    /// <summary>Does the return hold receiving capacity at <paramref name="centerId"/> on <paramref name="day"/>?</summary>
    public bool HoldsCapacityAt(string centerId, DateOnly day) =>
        CenterContribution.HeldBy(Record) is { } held && held.CenterId == centerId && held.Day == day;

    /// <summary>Does the return hold a booked pickup in the carrier window <paramref name="windowId"/>?</summary>
    public bool HoldsPickupIn(string windowId) =>
        Record.Pickup is { Status: PickupStatus.Booked } booking && booking.Slot.WindowId == windowId;

    private ReturnChange Move(ReturnTrigger trigger, string details, string actor, DateTime now) =>
        new([Lifecycle.Apply(trigger, actor, now, details.Length == 0 ? null : details)]);

    /// <summary>
    /// Carrier returns get a tracking number; drop-off and in-store returns then wait for the customer.
    /// <paramref name="routedBecause"/> puts the routing decision on the timeline (a reroute's own entry already has it).
    /// </summary>
    private List<TimelineEntry> IssueLabel(DateTime now, string? routedBecause = null)
    {
        var carrier = Record.Request.ReturnMethod == ReturnMethod.CarrierPickup;
        Record.TrackingNumber = carrier ? TrackingNumbers.New() : null;
        var destination = Record.Destination?.FulfillmentCenterId;
        var label = carrier ? $"tracking {Record.TrackingNumber} to {destination}" : $"QR code for {destination}";
        var rma = Lifecycle;
        var issued = rma.Apply(ReturnTrigger.IssueLabel, Labels, now, routedBecause is null ? label : $"{label}; {routedBecause}");
        return carrier ? [issued] : [issued, rma.Apply(ReturnTrigger.AwaitDropOff, Labels, now)];
    }

    /// <summary>A return leaving the pickup flow gives its place back, unless the window is frozen on its manifest.</summary>
    private PickupSlot? GiveUpPickupBeforeCutoff(DateTime now)
    {
        if (Record.Pickup is not { Status: PickupStatus.Booked } booking || booking.IsFrozenAt(now)) return null;
        Record.Pickup = booking with { Status = PickupStatus.Cancelled };
        return booking.Slot;
    }

    private PickupBooking? MissedPickup(DateTime now) =>
        Status == ReturnState.AwaitingPickup && Record.Pickup is { Status: PickupStatus.Booked } booking
        && booking.Slot.EndUtc + PickupRules.MissedPickupGrace <= now
            ? booking
            : null;

    /// <summary>Each step of the warehouse checks first that the parcel is at the centre it was routed to.</summary>
    private ReturnChange AtDestination(HandheldScan scan, Func<ParcelHandling, List<TimelineEntry>> step)
    {
        var destination = Record.Destination?.FulfillmentCenterId;
        if (destination != scan.CentreId)
            throw new PreconditionFailedException(
                $"Return '{Id}' belongs to fulfilment centre '{destination ?? "none"}', not '{scan.CentreId}': send the parcel there.");
        return new(step(new ParcelHandling(Lifecycle, Record.Receiving, Record.Request.Lines)));
    }
}
