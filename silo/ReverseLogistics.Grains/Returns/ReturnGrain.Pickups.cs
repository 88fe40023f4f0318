using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Grains.Idempotency;
using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Returns;

/// <summary>Carrier pickups (PickupService) and tracking: the window actors hold capacity, the return holds its booking.</summary>
public sealed partial class ReturnGrain
{
    /// <summary>Books the customer pickup (see <see cref="PickupBooker"/>); the return awaits it.</summary>
    public async Task<ReturnSnapshot> SchedulePickupAsync(PickupRequest request, Caller caller, IdempotencyTicket ticket)
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
        var entry = rma.Apply(ReturnTrigger.SchedulePickup, caller.AuditName, now, $"pickup booked: {PickupText.Describe(slot)}");
        return await CommitAsync([entry], ticket, now);
    }

    /// <summary>Moves the booked pickup to another window before the cut-off, releasing the old one once the new one is held.</summary>
    public async Task<ReturnSnapshot> ReschedulePickupAsync(PickupRequest request, Caller caller, IdempotencyTicket ticket)
    {
        var booking = RequireChangeablePickup(out var now);
        var slot = await pickups.BookAsync(Key, State, request, now);
        if (slot.WindowId != booking.Slot.WindowId) await pickups.ReleaseAsync(booking.Slot, Key);
        State.Pickup = new PickupBooking(slot, PickupStatus.Booked, booking.Rebookings, now);
        var entry = new Rma(State.Rma).Apply(ReturnTrigger.SchedulePickup, caller.AuditName, now,
            $"pickup moved from {PickupText.Describe(booking.Slot)} to {PickupText.Describe(slot)}");
        return await CommitAsync([entry], ticket, now);
    }

    public async Task<ReturnSnapshot> CancelPickupAsync(Caller caller, IdempotencyTicket ticket)
    {
        var booking = RequireChangeablePickup(out var now);
        await pickups.ReleaseAsync(booking.Slot, Key);
        State.Pickup = booking with { Status = PickupStatus.Cancelled };
        var entry = new Rma(State.Rma).Apply(ReturnTrigger.CancelPickup, caller.AuditName, now, $"pickup cancelled: {PickupText.Describe(booking.Slot)}");
        return await CommitAsync([entry], ticket, now);
    }

    /// <summary>
    /// A carrier's tracking event: moves the return forward as <see cref="CarrierTracking"/> decides, never back.
    /// A carrier event id seen before gets its first answer and changes nothing.
    /// </summary>
    public async Task<TrackingResult> ReportTrackingEventAsync(TrackingEvent report, IdempotencyTicket ticket)
    {
        var record = RequireExisting();
        if (record.Tracking.Results.TryGetValue(report.CarrierEventId, out var first)) return first;
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
        var recorded = new NewEvent(decision.Outcome == TrackingOutcome.Applied ? "TrackingEventApplied" : "TrackingEventIgnored",
            JsonSerializer.Serialize(new { report.CarrierEventId, report.Kind, report.OccurredAt, report.Location, report.Details, decision.Explanation }, DomainJson.Options),
            actor, now);
        await CommitAsync([.. Events(entries), recorded], ticket.Record(result, now), ReturnIndex.Of(Key.Id, State));
        return result;
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
        var missed = $"missed {PickupText.Describe(booking.Slot)}";
        var slot = booking.Rebookings < PickupRules.MaxRebookings ? await pickups.RebookAsync(Key, State, now) : null;
        TimelineEntry entry;
        if (slot is not null)
        {
            State.Pickup = new PickupBooking(slot, PickupStatus.Booked, booking.Rebookings + 1, now);
            entry = rma.Apply(ReturnTrigger.SchedulePickup, actor, now,
                $"{missed}; rebooked into {PickupText.Describe(slot)} (rebooking {booking.Rebookings + 1} of {PickupRules.MaxRebookings})");
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
}
