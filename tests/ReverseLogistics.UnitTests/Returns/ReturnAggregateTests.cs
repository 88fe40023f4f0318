using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Routing;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Returns;

/// <summary>The Return aggregate's guarded transitions, without a silo: what each legal one changes and appends, and what each illegal one throws.</summary>
public sealed class ReturnAggregateTests
{
    private const string Merchant = "key:k123";
    private const string Operator = "key:op1";
    private static readonly HandheldScan AtCentre = new("FC-1", "HH-1");

    /// <summary>Gross 40.00 for line 0 (two units of 20.00); line 1 is not returnable.</summary>
    private static readonly RefundBreakdown Estimate = new([new RefundLineBreakdown(0, Usd(40_00), Usd(0), Usd(4_00), Usd(36_00))],
        Usd(40_00), Usd(0), Usd(4_00), Usd(0), Usd(0), Usd(36_00));

    private static DateTime At(int minutes) => Now.AddMinutes(minutes);

    private static ReturnDraft Draft(DecisionKind kind, ReturnMethod method = ReturnMethod.CarrierPickup)
    {
        var deadline = DateOnly.FromDateTime(Now.AddDays(20));
        var eligibility = new EligibilityResult(
            [new LineEligibility(0, deadline, []), new LineEligibility(1, deadline, [new(IneligibilityCode.NonReturnableSku, "SKU 'SKU-FINAL' cannot be returned.")])],
            new ReturnDecision(kind, [new(DecisionReasonCode.AutoApproveRuleMatched, "first reason"), new(DecisionReasonCode.ValueOverLimit, "second reason")]),
            Estimate);
        var request = Request(Line(quantity: 2), Line(sku: "SKU-FINAL")) with { ReturnMethod = method };
        return new ReturnDraft(request, "Ada Customer", false, Policy, eligibility, "Acme");
    }

    private static ReturnRoute RouteTo(string? centerId, string explanation = "nearest centre with room", bool defaultCentre = false) => new()
    {
        Destination = centerId is null ? null : new Destination(centerId, centerId, ["1 Dock Rd"], "Springfield", "12345", "US"),
        Decision = new RoutingDecision { Explanation = explanation },
        ArrivalDay = DateOnly.FromDateTime(Now.AddDays(3)),
        Units = 2,
        DecidedAt = Now,
        DefaultCentre = defaultCentre,
    };

    /// <summary>UPS, 09:00-12:00 UTC <paramref name="day"/> days from now, cut-off at 07:00.</summary>
    private static PickupSlot Slot(int day)
    {
        var date = Now.Date.AddDays(day);
        return new("UPS", DateOnly.FromDateTime(date), new TimeOnly(9, 0), new TimeOnly(12, 0), "UTC", date.AddHours(9), date.AddHours(12), date.AddHours(7), Capacity: 10);
    }

    private static Return Opened(DecisionKind kind = DecisionKind.AutoApprove, ReturnMethod method = ReturnMethod.CarrierPickup)
    {
        var rma = new Return("R-1", new ReturnRecord());
        rma.Open(Draft(kind, method), Now);
        return rma;
    }

    private static Return Labelled(ReturnMethod method = ReturnMethod.CarrierPickup, string centerId = "FC-1")
    {
        var rma = Opened(method: method);
        rma.Route(RouteTo(centerId), At(1));
        return rma;
    }

    private static Return AwaitingPickup(int day = 2)
    {
        var rma = Labelled();
        rma.SchedulePickup(Slot(day), Merchant, At(2));
        return rma;
    }

    private static Return Received()
    {
        var rma = Labelled();
        rma.ReceiveItems(AtCentre, [new(0, 2)], [], At(10));
        return rma;
    }

    private static Return InTransit()
    {
        var rma = Labelled();
        rma.ApplyTrackingEvent(Tracking("e1", TrackingEventKind.PickedUp, At(3)), At(3));
        return rma;
    }

    private const string CutOffPassed =
        "The pickup's cut-off passed at 2026-11-23T07:00:00.0000000Z; it is on manifest 'UPS@20261123T0900Z' and can no longer be changed.";

    /// <summary>A return and a transition its state or a rule does not allow.</summary>
    private static (Return Subject, Action<Return> Act) Illegal(string transition)
    {
        var cutOff = Slot(1).CutoffUtc;
        return transition switch
        {
            "approve a rejected return" => (Opened(DecisionKind.Reject), r => r.Approve("", Merchant, At(1))),
            "route a return in manual review" => (Opened(DecisionKind.ManualReview), r => r.Route(RouteTo("FC-1"), At(1))),
            "ask to reroute a return in transit" => (InTransit(), r => r.RequireReroutable()),
            "reroute a return in transit" => (InTransit(), r => r.Reroute(RouteTo("FC-2"), "", Operator, At(5))),
            "reroute where no centre can take it" => (Labelled(), r => r.Reroute(RouteTo(null, "every centre is full"), "", Operator, At(5))),
            "ask to schedule a pickup for a drop-off return" => (Labelled(ReturnMethod.DropOffPoint), r => r.RequirePickupSchedulable()),
            "schedule a pickup for a drop-off return" => (Labelled(ReturnMethod.DropOffPoint), r => r.SchedulePickup(Slot(2), Merchant, At(2))),
            "schedule a second pickup" => (AwaitingPickup(), r => r.SchedulePickup(Slot(3), Merchant, At(3))),
            "schedule a pickup before the label" => (Opened(DecisionKind.ManualReview), r => r.SchedulePickup(Slot(2), Merchant, At(2))),
            "cancel a pickup never booked" => (Labelled(), r => r.CancelPickup(Merchant, At(3))),
            "move a pickup past its cut-off" => (AwaitingPickup(day: 1), r => r.ReschedulePickup(Slot(3), Merchant, cutOff)),
            "cancel a pickup past its cut-off" => (AwaitingPickup(day: 1), r => r.CancelPickup(Merchant, cutOff)),
            "handle a pickup not missed yet" => (AwaitingPickup(), r => r.HandleMissedPickup(Slot(3), Slot(2).EndUtc)),
            "cancel a received return" => (Received(), r => r.Cancel("", Merchant, At(20))),
            "scan at another centre" => (Labelled(), r => r.Scan(new HandheldScan("FC-9", "HH-2"), At(10))),
            "set the disposition of an uninspected line" => (Received(), r => r.SetDisposition(AtCentre, 0, Disposition.Restock, At(20))),
            "confirm a refund not pending" => (Received(), r => r.ConfirmRefund("PAY-7", Merchant, At(30))),
            "resolve a return not in exception" => (Labelled(), r => r.ResolveException(ExceptionResolution.Resume, null, "", Merchant, At(20))),
            _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, "no such case"),
        };
    }

    private static TrackingEvent Tracking(string id, TrackingEventKind kind, DateTime occurredAt) =>
        new(id, "UPS", kind, occurredAt, "Springfield hub", null);

    [Fact]
    public void Open_records_the_draft_expects_only_eligible_lines_and_puts_the_policy_s_verdict_first()
    {
        var rma = new Return("R-1", new ReturnRecord());

        var change = rma.Open(Draft(DecisionKind.AutoApprove), Now);

        Assert.Equal(ReturnState.Approved, rma.Status);
        Assert.Equal([2, 0], rma.Record.Rma.ExpectedQuantities);
        Assert.Equal((Estimate, "Acme", "Ada Customer", Now), (rma.Record.Refund, rma.Record.TenantName, rma.Record.CustomerName, rma.Record.CreatedAt));
        Assert.Equal(new TimelineEntry(ReturnState.Requested, ReturnState.Approved, ReturnTrigger.Approve, "system:auto-approve", Now, "first reason; second reason"),
            Assert.Single(change.Entries));
    }

    [Theory]
    [InlineData(DecisionKind.ManualReview, ReturnState.ManualReview, ReturnTrigger.SendToManualReview)]
    [InlineData(DecisionKind.Reject, ReturnState.Rejected, ReturnTrigger.Reject)]
    public void Open_without_auto_approval_is_the_policy_s_decision(DecisionKind kind, ReturnState state, ReturnTrigger trigger)
    {
        var rma = new Return("R-1", new ReturnRecord());

        var entry = Assert.Single(rma.Open(Draft(kind), Now).Entries);

        Assert.Equal(state, rma.Status);
        Assert.Equal((trigger, "system:policy"), (entry.Trigger, entry.Actor));
    }

    [Fact]
    public void Approve_from_manual_review_records_the_note_and_an_empty_note_records_nothing()
    {
        var noted = Opened(DecisionKind.ManualReview);
        var silent = Opened(DecisionKind.ManualReview);

        var entry = Assert.Single(noted.Approve("looks fine", Merchant, At(1)).Entries);
        var bare = Assert.Single(silent.Approve("", Merchant, At(1)).Entries);

        Assert.Equal((ReturnState.Approved, Merchant, "looks fine"), (noted.Status, entry.Actor, entry.Details));
        Assert.Null(bare.Details);
    }

    [Theory]
    [InlineData("approve a rejected return", "Return is in state rejected; cannot approve.")]
    [InlineData("route a return in manual review", "Return is in state manual_review; cannot issue label.")]
    [InlineData("ask to reroute a return in transit", "Return is in state in_transit; cannot reroute.")]
    [InlineData("reroute a return in transit", "Return is in state in_transit; cannot reroute.")]
    [InlineData("reroute where no centre can take it", "No centre can take return 'R-1' now: every centre is full")]
    [InlineData("ask to schedule a pickup for a drop-off return", "Return 'R-1' is a drop_off_point return; only carrier-pickup returns are collected.")]
    [InlineData("schedule a pickup for a drop-off return", "Return 'R-1' is a drop_off_point return; only carrier-pickup returns are collected.")]
    [InlineData("schedule a second pickup", "Return 'R-1' already has a pickup booked; use ReschedulePickup to move it.")]
    [InlineData("schedule a pickup before the label", "Return is in state manual_review; cannot schedule pickup.")]
    [InlineData("cancel a pickup never booked", "Return 'R-1' has no pickup booked.")]
    [InlineData("move a pickup past its cut-off", CutOffPassed)]
    [InlineData("cancel a pickup past its cut-off", CutOffPassed)]
    [InlineData("handle a pickup not missed yet", "Return 'R-1' has no missed pickup.")]
    [InlineData("cancel a received return", "Return is in state received; cannot cancel.")]
    [InlineData("scan at another centre", "Return 'R-1' belongs to fulfilment centre 'FC-1', not 'FC-9': send the parcel there.")]
    [InlineData("set the disposition of an uninspected line", "Return is in state received; cannot assign disposition.")]
    [InlineData("confirm a refund not pending", "Return is in state received; cannot confirm refund.")]
    [InlineData("resolve a return not in exception", "Return is in state label_issued; cannot resolve exception.")]
    public void An_illegal_transition_fails_its_precondition_and_leaves_the_record_as_it_was(string transition, string message)
    {
        var (rma, act) = Illegal(transition);
        var before = JsonSerializer.Serialize(rma.Record);

        var error = Assert.Throws<PreconditionFailedException>(() => act(rma));

        Assert.Equal(message, error.Message);
        Assert.Equal(before, JsonSerializer.Serialize(rma.Record));
    }

    [Fact]
    public void Route_issues_a_carrier_label_with_a_tracking_number_at_the_destination()
    {
        var rma = Opened();

        var entry = Assert.Single(rma.Route(RouteTo("FC-1"), At(1)).Entries);

        Assert.Equal(ReturnState.LabelIssued, rma.Status);
        Assert.Matches("^RL[0-9]{16}$", rma.Record.TrackingNumber);
        Assert.Equal("FC-1", rma.Record.Destination?.FulfillmentCenterId);
        Assert.Equal((ReturnTrigger.IssueLabel, "system:labels", $"tracking {rma.Record.TrackingNumber} to FC-1; nearest centre with room"),
            (entry.Trigger, entry.Actor, entry.Details));
    }

    [Fact]
    public void Route_of_a_drop_off_return_issues_a_QR_code_and_awaits_the_drop_off()
    {
        var rma = Opened(method: ReturnMethod.DropOffPoint);

        var change = rma.Route(RouteTo("FC-1"), At(1));

        Assert.Equal([ReturnTrigger.IssueLabel, ReturnTrigger.AwaitDropOff], change.Entries.Select(e => e.Trigger));
        Assert.Equal("QR code for FC-1; nearest centre with room", change.Entries[0].Details);
        Assert.Equal(ReturnState.AwaitingDropoff, rma.Status);
        Assert.Null(rma.Record.TrackingNumber);
    }

    [Fact]
    public void Route_without_a_destination_holds_the_return_approved_without_a_label()
    {
        var rma = Opened();

        var entry = Assert.Single(rma.Route(RouteTo(null, "no centre takes apparel"), At(1)).Entries);

        Assert.Equal((ReturnState.Approved, ReturnTrigger.HoldUnrouted, "system:routing", "no centre takes apparel"),
            (rma.Status, entry.Trigger, entry.Actor, entry.Details));
        Assert.Null(rma.Record.TrackingNumber);
        Assert.NotNull(rma.Record.Routing);
    }

    [Fact]
    public void Reroute_to_another_centre_reissues_the_tracking_number_and_frees_the_old_centre_s_capacity()
    {
        var rma = Labelled();
        var tracking = rma.Record.TrackingNumber;

        var change = rma.Reroute(RouteTo("FC-2", "FC-1 is full"), "customer moved", Operator, At(5));

        var entry = Assert.Single(change.Entries);
        Assert.Equal((ReturnTrigger.Reroute, Operator, "FC-1 -> FC-2: customer moved; FC-1 is full"), (entry.Trigger, entry.Actor, entry.Details));
        Assert.Equal((ReturnState.LabelIssued, "FC-2", "FC-1"), (rma.Status, rma.Record.Destination?.FulfillmentCenterId, change.CapacityToRelease?.CenterId));
        Assert.NotEqual(tracking, rma.Record.TrackingNumber);
    }

    [Fact]
    public void Reroute_to_the_same_centre_keeps_the_label_and_the_capacity()
    {
        var rma = Labelled();
        var tracking = rma.Record.TrackingNumber;

        var change = rma.Reroute(RouteTo("FC-1"), "", Operator, At(5));

        Assert.Equal("stays at FC-1: nearest centre with room", Assert.Single(change.Entries).Details);
        Assert.Null(change.CapacityToRelease);
        Assert.Equal(tracking, rma.Record.TrackingNumber);
    }

    [Fact]
    public void Reroute_from_the_default_centre_frees_nothing_since_nothing_was_booked()
    {
        var rma = Opened();
        rma.Route(RouteTo(DefaultCentre.Destination.FulfillmentCenterId, defaultCentre: true), At(1));

        var change = rma.Reroute(RouteTo("FC-2"), "", Operator, At(5));

        Assert.Null(change.CapacityToRelease);
        Assert.Equal("FC-2", rma.Record.Destination?.FulfillmentCenterId);
    }

    [Fact]
    public void Reroute_of_a_return_held_unrouted_gives_it_its_first_label()
    {
        var rma = Opened();
        rma.Route(RouteTo(null), At(1));

        var change = rma.Reroute(RouteTo("FC-2"), "centre opened", Operator, At(5));

        Assert.Equal([ReturnTrigger.Reroute, ReturnTrigger.IssueLabel], change.Entries.Select(e => e.Trigger));
        Assert.Equal("no centre -> FC-2: centre opened; nearest centre with room", change.Entries[0].Details);
        Assert.Equal(ReturnState.LabelIssued, rma.Status);
        Assert.NotNull(rma.Record.TrackingNumber);
    }

    [Fact]
    public void Reject_records_the_reason()
    {
        var rma = Opened(DecisionKind.ManualReview);

        var entry = Assert.Single(rma.Reject("fraud suspected", Merchant, At(1)).Entries);

        Assert.Equal((ReturnState.Rejected, Merchant, "fraud suspected"), (rma.Status, entry.Actor, entry.Details));
    }

    [Fact]
    public void Schedule_pickup_books_the_slot_and_awaits_the_carrier()
    {
        var rma = Labelled();

        var entry = Assert.Single(rma.SchedulePickup(Slot(2), Merchant, At(2)).Entries);

        Assert.Equal(ReturnState.AwaitingPickup, rma.Status);
        Assert.Equal(new PickupBooking(Slot(2), PickupStatus.Booked, 0, At(2)), rma.Record.Pickup);
        Assert.Equal((ReturnTrigger.SchedulePickup, Merchant, "pickup booked: UPS 2026-11-24 09:00-12:00 UTC"), (entry.Trigger, entry.Actor, entry.Details));
    }

    [Fact]
    public void Reschedule_pickup_moves_the_booking_and_frees_the_old_window()
    {
        var rma = AwaitingPickup();

        var change = rma.ReschedulePickup(Slot(3), Merchant, At(3));

        Assert.Equal(Slot(2), change.PickupToRelease);
        Assert.Equal(new PickupBooking(Slot(3), PickupStatus.Booked, 0, At(3)), rma.Record.Pickup);
        Assert.Equal("pickup moved from UPS 2026-11-24 09:00-12:00 UTC to UPS 2026-11-25 09:00-12:00 UTC", Assert.Single(change.Entries).Details);
        Assert.Equal(ReturnState.AwaitingPickup, rma.Status);
    }

    [Fact]
    public void Reschedule_pickup_into_the_same_window_frees_nothing()
    {
        var rma = AwaitingPickup();

        Assert.Null(rma.ReschedulePickup(Slot(2), Merchant, At(3)).PickupToRelease);
    }

    [Fact]
    public void Cancel_pickup_goes_back_to_label_issued_and_frees_the_window()
    {
        var rma = AwaitingPickup();

        var change = rma.CancelPickup(Merchant, At(3));

        Assert.Equal((ReturnState.LabelIssued, PickupStatus.Cancelled, Slot(2)), (rma.Status, rma.Record.Pickup?.Status, change.PickupToRelease));
        Assert.Equal((ReturnTrigger.CancelPickup, "pickup cancelled: UPS 2026-11-24 09:00-12:00 UTC"), (change.Entries[0].Trigger, change.Entries[0].Details));
    }

    [Fact]
    public void Cancel_gives_up_a_pickup_before_its_cut_off()
    {
        var rma = AwaitingPickup();

        var change = rma.Cancel("customer kept it", Merchant, At(3));

        Assert.Equal((ReturnState.Cancelled, PickupStatus.Cancelled, Slot(2)), (rma.Status, rma.Record.Pickup?.Status, change.PickupToRelease));
        Assert.Equal("customer kept it", Assert.Single(change.Entries).Details);
    }

    [Fact]
    public void Cancel_after_the_cut_off_leaves_the_pickup_on_the_carrier_s_manifest()
    {
        var rma = AwaitingPickup(day: 1);

        var change = rma.Cancel("", Merchant, Slot(1).CutoffUtc);

        Assert.Equal((ReturnState.Cancelled, PickupStatus.Booked), (rma.Status, rma.Record.Pickup?.Status));
        Assert.Null(change.PickupToRelease);
    }

    [Fact]
    public void A_pickup_is_missed_only_once_its_window_and_grace_are_over()
    {
        var rma = AwaitingPickup();
        var missedAt = Slot(2).EndUtc + PickupRules.MissedPickupGrace;

        Assert.False(rma.IsPickupMissedBy(missedAt.AddTicks(-1)));
        Assert.True(rma.IsPickupMissedBy(missedAt));
        Assert.True(rma.MayRebookPickup);
    }

    [Fact]
    public void A_missed_pickup_is_rebooked_into_the_window_found_and_counted()
    {
        var rma = AwaitingPickup();
        var missedAt = Slot(2).EndUtc + PickupRules.MissedPickupGrace;

        var entry = Assert.Single(rma.HandleMissedPickup(Slot(3), missedAt).Entries);

        Assert.Equal(new PickupBooking(Slot(3), PickupStatus.Booked, 1, missedAt), rma.Record.Pickup);
        Assert.Equal((ReturnTrigger.SchedulePickup, "system:missed-pickup"), (entry.Trigger, entry.Actor));
        Assert.Equal("missed UPS 2026-11-24 09:00-12:00 UTC; rebooked into UPS 2026-11-25 09:00-12:00 UTC (rebooking 1 of 2)", entry.Details);
    }

    [Fact]
    public void A_missed_pickup_with_no_window_left_is_an_exception()
    {
        var rma = AwaitingPickup();

        var entry = Assert.Single(rma.HandleMissedPickup(null, Slot(2).EndUtc + PickupRules.MissedPickupGrace).Entries);

        Assert.Equal((ReturnState.Exception, PickupStatus.Missed), (rma.Status, rma.Record.Pickup?.Status));
        Assert.Equal("MissedPickup: missed UPS 2026-11-24 09:00-12:00 UTC; no later window has room", entry.Details);
    }

    [Fact]
    public void A_pickup_missed_after_every_rebooking_is_an_exception()
    {
        var rma = AwaitingPickup();
        for (var day = 3; day < 3 + PickupRules.MaxRebookings; day++)
            rma.HandleMissedPickup(Slot(day), Slot(day - 1).EndUtc + PickupRules.MissedPickupGrace);
        var last = Slot(2 + PickupRules.MaxRebookings).EndUtc + PickupRules.MissedPickupGrace;

        Assert.False(rma.MayRebookPickup);
        var entry = Assert.Single(rma.HandleMissedPickup(null, last).Entries);

        Assert.Equal(ReturnState.Exception, rma.Status);
        Assert.EndsWith($"after {PickupRules.MaxRebookings} rebookings", entry.Details);
    }

    [Fact]
    public void A_pick_up_scan_by_the_carrier_puts_the_return_in_transit()
    {
        var rma = AwaitingPickup();

        var change = rma.ApplyTrackingEvent(Tracking("e1", TrackingEventKind.PickedUp, At(600)), At(601));

        Assert.Equal((TrackingOutcome.Applied, ReturnState.InTransit, "carrier:UPS", false), (change.Result.Outcome, change.Result.Status, change.Actor, change.IsRepeat));
        var entry = Assert.Single(change.Entries);
        Assert.Equal((ReturnTrigger.MarkInTransit, "carrier:UPS"), (entry.Trigger, entry.Actor));
        Assert.Equal("picked up by the carrier; Springfield hub; carrier time 2026-11-22T20:00:00.0000000Z", entry.Details);
        Assert.Equal((PickupStatus.PickedUp, At(600)), (rma.Record.Pickup?.Status, rma.Record.Tracking.LatestCarrierTime));
    }

    [Fact]
    public void A_repeated_tracking_event_gets_its_first_answer_and_changes_nothing()
    {
        var rma = Labelled();
        var first = rma.ApplyTrackingEvent(Tracking("e1", TrackingEventKind.PickedUp, At(10)), At(10));
        var timeline = rma.Record.Rma.Timeline.Count;

        var repeat = rma.ApplyTrackingEvent(Tracking("e1", TrackingEventKind.Exception, At(20)), At(20));

        Assert.True(repeat.IsRepeat);
        Assert.Equal(first.Result, repeat.Result);
        Assert.Empty(repeat.Entries);
        Assert.Equal((ReturnState.InTransit, timeline), (rma.Status, rma.Record.Rma.Timeline.Count));
    }

    [Fact]
    public void A_tracking_event_older_than_the_latest_applied_is_ignored()
    {
        var rma = Labelled();
        rma.ApplyTrackingEvent(Tracking("e1", TrackingEventKind.InTransit, At(20)), At(20));

        var change = rma.ApplyTrackingEvent(Tracking("e2", TrackingEventKind.Exception, At(10)), At(21));

        Assert.Equal((TrackingOutcome.Ignored, ReturnState.InTransit), (change.Result.Outcome, rma.Status));
        Assert.Empty(change.Entries);
        Assert.Equal(At(20), rma.Record.Tracking.LatestCarrierTime);
    }

    [Fact]
    public void A_carrier_exception_raises_the_return_and_keeps_its_pickup_booked()
    {
        var rma = AwaitingPickup();

        var change = rma.ApplyTrackingEvent(Tracking("e1", TrackingEventKind.Exception, At(30)), At(30));

        Assert.Equal((ReturnState.Exception, PickupStatus.Booked), (rma.Status, rma.Record.Pickup?.Status));
        Assert.StartsWith("CarrierException: carrier exception", Assert.Single(change.Entries).Details);
    }

    [Fact]
    public void A_scan_at_the_destination_marks_the_parcel_arrived_by_the_device()
    {
        var rma = Labelled();

        var entry = Assert.Single(rma.Scan(AtCentre, At(10)).Entries);

        Assert.Equal((ReturnState.InTransit, "device:FC-1/HH-1", "parcel arrived at FC-1"), (rma.Status, entry.Actor, entry.Details));
        Assert.Equal(At(10), rma.Record.Receiving.ArrivedAt);
    }

    [Fact]
    public void Inspecting_the_last_line_settles_the_return_and_sets_its_refund()
    {
        var rma = Received();

        var change = rma.RecordInspection(AtCentre, 0, InspectionGrade.A, null, [], [], At(20));

        Assert.Equal([ReturnTrigger.InspectLine, ReturnTrigger.CompleteInspection, ReturnTrigger.IssueRefund], change.Entries.Select(e => e.Trigger));
        Assert.Equal(ReturnState.RefundPending, rma.Status);
        Assert.NotSame(Estimate, rma.Record.Refund);
        Assert.Equal(Usd(40_00), rma.Record.Refund?.Gross);
    }

    [Fact]
    public void A_reported_problem_puts_the_return_in_exception()
    {
        var rma = Labelled();

        var change = rma.ReportException(AtCentre, ExceptionKind.Damaged, "crushed", At(10));

        Assert.Equal([ReturnTrigger.MarkInTransit, ReturnTrigger.RaiseException], change.Entries.Select(e => e.Trigger));
        Assert.Equal((ReturnState.Exception, "Damaged: crushed"), (rma.Status, change.Entries[1].Details));
    }

    [Fact]
    public void Confirm_refund_records_the_payment_reference()
    {
        var rma = Received();
        rma.RecordInspection(AtCentre, 0, InspectionGrade.A, null, [], [], At(20));

        var entry = Assert.Single(rma.ConfirmRefund("PAY-7", Merchant, At(30)).Entries);

        Assert.Equal((ReturnState.Refunded, "PAY-7", "payment PAY-7"), (rma.Status, rma.Record.PaymentReference, entry.Details));
    }

    [Fact]
    public void Resolving_an_exception_with_a_chosen_amount_becomes_the_return_s_refund()
    {
        var rma = Labelled();
        rma.ReportException(AtCentre, ExceptionKind.Missing, null, At(10));

        var change = rma.ResolveException(ExceptionResolution.Refund, Usd(30_00), "goodwill", Merchant, At(20));

        Assert.Equal((ReturnState.RefundPending, Usd(30_00)), (rma.Status, rma.Record.Refund?.Total));
        Assert.Equal("refund anyway: total 3000 USD set by the merchant (computed 3600); goodwill", Assert.Single(change.Entries).Details);
    }

    [Fact]
    public void The_label_expires_only_once_its_validity_is_over_and_gives_up_the_pickup()
    {
        var rma = AwaitingPickup(day: 40);
        var expiresAt = At(1).AddDays(Policy.LabelValidDays);

        Assert.Null(rma.ExpireLabelIfDue(expiresAt.AddTicks(-1)));
        var change = rma.ExpireLabelIfDue(expiresAt);

        Assert.NotNull(change);
        Assert.Equal((ReturnState.Expired, PickupStatus.Cancelled, Slot(40)), (rma.Status, rma.Record.Pickup?.Status, change.PickupToRelease));
        var entry = Assert.Single(change.Entries);
        Assert.Equal(("system:label-expiry", $"label valid {Policy.LabelValidDays} days, until 2026-12-22T10:01:00.0000000Z; not shipped"), (entry.Actor, entry.Details));
        Assert.Null(rma.ExpireLabelIfDue(expiresAt.AddDays(1)));
    }

    [Fact]
    public void An_uninspected_return_is_escalated_once_when_its_SLA_is_over_and_stays_received()
    {
        var rma = Received();
        var dueAt = At(10).AddHours(Policy.InspectionSlaHours);

        Assert.Null(rma.EscalateInspectionIfDue(dueAt.AddTicks(-1)));
        var entry = Assert.Single(rma.EscalateInspectionIfDue(dueAt)!.Entries);

        Assert.Equal((ReturnState.Received, ReturnTrigger.EscalateInspection, "system:inspection-sla"), (rma.Status, entry.Trigger, entry.Actor));
        Assert.Equal($"not inspected within {Policy.InspectionSlaHours} hours of receipt (due 2026-11-24T10:10:00.0000000Z)", entry.Details);
        Assert.Null(rma.EscalateInspectionIfDue(dueAt.AddDays(1)));
    }

    [Fact]
    public void The_return_holds_capacity_only_at_its_network_centre_on_its_arrival_day_and_the_pickup_it_booked()
    {
        var routed = Labelled();
        var atDefault = Opened();
        atDefault.Route(RouteTo(DefaultCentre.Destination.FulfillmentCenterId, defaultCentre: true), At(1));
        var day = RouteTo("FC-1").ArrivalDay;
        var booked = AwaitingPickup();

        Assert.True(routed.HoldsCapacityAt("FC-1", day));
        Assert.False(routed.HoldsCapacityAt("FC-1", day.AddDays(1)));
        Assert.False(routed.HoldsCapacityAt("FC-2", day));
        Assert.False(atDefault.HoldsCapacityAt(DefaultCentre.Destination.FulfillmentCenterId, day));
        Assert.True(booked.HoldsPickupIn(Slot(2).WindowId));
        Assert.False(booked.HoldsPickupIn(Slot(3).WindowId));
        booked.CancelPickup(Merchant, At(3));
        Assert.False(booked.HoldsPickupIn(Slot(2).WindowId));
    }
}
