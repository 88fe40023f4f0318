using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Returns;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Returns;

public sealed class RmaTests
{
    private const string Merchant = "key:k123";
    private const string Handheld = "device:HH-7";
    private const string System = "system:auto-approve";

    private static DateTime At(int minutes) => Now.AddMinutes(minutes);

    private static Rma InTransit(params int[] expected)
    {
        var rma = Rma.Open(expected.Length > 0 ? expected : [1]);
        rma.Apply(ReturnTrigger.Approve, System, At(0));
        rma.Apply(ReturnTrigger.IssueLabel, System, At(1));
        rma.Apply(ReturnTrigger.MarkInTransit, "system:carrier-ups", At(2));
        return rma;
    }

    [Fact]
    public void Pickup_happy_path_ends_closed_with_a_timeline_of_every_move()
    {
        var rma = Rma.Open([1, 2]);

        rma.Apply(ReturnTrigger.Approve, System, At(0));
        rma.Apply(ReturnTrigger.IssueLabel, System, At(1));
        rma.Apply(ReturnTrigger.SchedulePickup, Merchant, At(2), "window 2026-11-23 09:00-12:00");
        rma.Apply(ReturnTrigger.MarkInTransit, "system:carrier-ups", At(3));
        rma.ReceiveItems([new(0, 1), new(1, 2)], Handheld, At(4));
        rma.Apply(ReturnTrigger.CompleteInspection, Handheld, At(5));
        rma.Apply(ReturnTrigger.IssueRefund, System, At(6));
        rma.Apply(ReturnTrigger.ConfirmRefund, "system:payments", At(7));
        rma.Apply(ReturnTrigger.Close, System, At(8));

        Assert.Equal(ReturnState.Closed, rma.Current);
        Assert.Equal(
            [ReturnState.Approved, ReturnState.LabelIssued, ReturnState.AwaitingPickup, ReturnState.InTransit, ReturnState.Received,
             ReturnState.Inspected, ReturnState.RefundPending, ReturnState.Refunded, ReturnState.Closed],
            rma.Timeline.Select(e => e.To));
        Assert.Equal(ReturnState.Requested, rma.Timeline[0].From);
        Assert.All(rma.Timeline.Zip(rma.Timeline.Skip(1)), pair => Assert.Equal(pair.First.To, pair.Second.From));
        Assert.Equal(new TimelineEntry(ReturnState.LabelIssued, ReturnState.AwaitingPickup, ReturnTrigger.SchedulePickup, Merchant, At(2), "window 2026-11-23 09:00-12:00"), rma.Timeline[2]);
        Assert.Equal((Handheld, ReturnTrigger.ReceiveAll), (rma.Timeline[4].Actor, rma.Timeline[4].Trigger));
    }

    [Fact]
    public void Drop_off_path_after_manual_review_ends_with_store_credit()
    {
        var rma = Rma.Open([1]);

        rma.Apply(ReturnTrigger.SendToManualReview, System, At(0), "fraud threshold");
        rma.Apply(ReturnTrigger.Approve, Merchant, At(1));
        rma.Apply(ReturnTrigger.IssueLabel, System, At(2));
        rma.Apply(ReturnTrigger.AwaitDropOff, System, At(3));
        rma.Apply(ReturnTrigger.MarkInTransit, "system:carrier-dhl", At(4));
        rma.ReceiveItems([new(0, 1)], Handheld, At(5));
        rma.Apply(ReturnTrigger.CompleteInspection, Handheld, At(6));
        rma.Apply(ReturnTrigger.IssueStoreCredit, System, At(7));
        rma.Apply(ReturnTrigger.Close, System, At(8));

        Assert.Equal(ReturnState.Closed, rma.Current);
        Assert.Equal(ReturnState.StoreCreditIssued, rma.Timeline[^1].From);
        Assert.Equal(Merchant, rma.Timeline[1].Actor);
    }

    [Fact]
    public void An_in_store_return_is_received_without_a_label_or_carrier()
    {
        var rma = Rma.Open([1]);
        rma.Apply(ReturnTrigger.Approve, System, At(0));
        rma.Apply(ReturnTrigger.AwaitDropOff, System, At(1));

        var entry = rma.ReceiveItems([new(0, 1)], "device:STORE-12", At(2));

        Assert.Equal(ReturnState.AwaitingDropoff, entry.From);
        Assert.Equal(ReturnState.Received, rma.Current);
    }

    [Fact]
    public void Partial_receipts_add_up_to_a_full_one()
    {
        var rma = InTransit(2, 1);

        var first = rma.ReceiveItems([new(0, 1)], Handheld, At(10));
        var second = rma.ReceiveItems([new(0, 1)], Handheld, At(11));
        var last = rma.ReceiveItems([new(1, 1)], Handheld, At(12));

        Assert.Equal((ReturnTrigger.ReceiveSome, ReturnState.PartiallyReceived), (first.Trigger, first.To));
        Assert.Equal((ReturnTrigger.ReceiveSome, ReturnState.PartiallyReceived), (second.Trigger, second.To));
        Assert.Equal((ReturnTrigger.ReceiveAll, ReturnState.Received), (last.Trigger, last.To));
        Assert.Equal("line 0: 1", first.Details);
        Assert.Equal([2, 1], rma.State.ReceivedQuantities);
    }

    [Fact]
    public void A_partial_receipt_can_be_inspected_and_settled_without_the_rest()
    {
        var rma = InTransit(2);
        rma.ReceiveItems([new(0, 1)], Handheld, At(10));

        rma.Apply(ReturnTrigger.CompleteInspection, Handheld, At(11));

        Assert.Equal(ReturnState.Inspected, rma.Current);
    }

    [Fact]
    public void Receiving_more_than_expected_or_an_unknown_line_is_invalid_and_changes_nothing()
    {
        var rma = InTransit(2);

        var error = Assert.Throws<InvalidInputException>(() => rma.ReceiveItems([new(0, 1), new(0, 2), new(5, 1), new(0, 0)], Handheld, At(10)));

        Assert.Equal(["items[1].quantity", "items[2].line_index", "items[3].quantity"], error.Violations.Select(v => v.Field));
        Assert.Equal(ReturnState.InTransit, rma.Current);
        Assert.Equal([0], rma.State.ReceivedQuantities);
    }

    [Fact]
    public void Receiving_before_the_parcel_ships_is_a_precondition_failure() =>
        Assert.Throws<PreconditionFailedException>(() => Rma.Open([1]).ReceiveItems([new(0, 1)], Handheld, At(0)));

    [Fact]
    public void Lost_in_transit_is_resolved_back_to_in_transit()
    {
        var rma = InTransit();

        var raised = rma.RaiseException(ExceptionKind.LostInTransit, "system:carrier-ups", At(10), "no scan for 7 days");
        var resolved = rma.Apply(ReturnTrigger.ResolveException, "key:op1", At(11), "found at hub");

        Assert.Equal("LostInTransit: no scan for 7 days", raised.Details);
        Assert.Equal((ReturnState.Exception, ReturnState.InTransit), (resolved.From, resolved.To));
        Assert.Null(rma.State.StateBeforeException);
    }

    [Fact]
    public void A_lost_parcel_can_be_refunded_from_the_exception()
    {
        var rma = InTransit();
        rma.RaiseException(ExceptionKind.LostInTransit, "system:carrier-ups", At(10));

        rma.Apply(ReturnTrigger.IssueRefund, "key:op1", At(11));
        rma.Apply(ReturnTrigger.ConfirmRefund, "system:payments", At(12));

        Assert.Equal(ReturnState.Refunded, rma.Current);
        Assert.Null(rma.State.StateBeforeException);
    }

    [Fact]
    public void A_damaged_receipt_goes_back_to_received_and_on_to_inspection()
    {
        var rma = InTransit();
        rma.ReceiveItems([new(0, 1)], Handheld, At(10));

        rma.RaiseException(ExceptionKind.Damaged, Handheld, At(11));
        rma.Apply(ReturnTrigger.ResolveException, "key:op1", At(12));
        rma.Apply(ReturnTrigger.CompleteInspection, Handheld, At(13));

        Assert.Equal(ReturnState.Inspected, rma.Current);
        Assert.Equal(ReturnState.Received, rma.Timeline[^2].To);
    }

    [Fact]
    public void An_exception_cannot_be_raised_before_the_parcel_ships()
    {
        var error = Assert.Throws<PreconditionFailedException>(() => Rma.Open([1]).RaiseException(ExceptionKind.Missing, Handheld, At(0)));

        Assert.Equal("Return is in state requested; cannot raise exception.", error.Message);
    }

    [Fact]
    public void Cancel_is_refused_once_in_transit_and_leaves_no_trace()
    {
        var rma = InTransit();

        var error = Assert.Throws<PreconditionFailedException>(() => rma.Apply(ReturnTrigger.Cancel, Merchant, At(10)));

        Assert.Equal("Return is in state in_transit; cannot cancel.", error.Message);
        Assert.Equal(3, rma.Timeline.Count);
    }

    [Theory]
    [InlineData(ReturnTrigger.ReceiveSome)]
    [InlineData(ReturnTrigger.ReceiveAll)]
    [InlineData(ReturnTrigger.RaiseException)]
    public void Receipts_and_exceptions_go_through_their_own_methods(ReturnTrigger trigger) =>
        Assert.Throws<ArgumentException>(() => InTransit().Apply(trigger, Handheld, At(10)));

    [Theory]
    [InlineData("")]
    [InlineData("someone")]
    public void Every_move_names_its_actor(string actor) =>
        Assert.Throws<ArgumentException>(() => Rma.Open([1]).Apply(ReturnTrigger.Approve, actor, At(0)));

    [Fact]
    public void A_receipt_without_an_actor_records_nothing()
    {
        var rma = InTransit(2);

        Assert.Throws<ArgumentException>(() => rma.ReceiveItems([new(0, 1)], "", At(10)));

        Assert.Equal([0], rma.State.ReceivedQuantities);
        Assert.Equal(ReturnState.InTransit, rma.Current);
    }

    [Fact]
    public void The_state_survives_a_json_round_trip()
    {
        var rma = InTransit(2);
        rma.RaiseException(ExceptionKind.Missing, Handheld, At(10));

        var back = new Rma(JsonSerializer.Deserialize<RmaState>(JsonSerializer.Serialize(rma.State))!);
        back.Apply(ReturnTrigger.ResolveException, "key:op1", At(11));

        Assert.Equal(ReturnState.InTransit, back.Current);
        Assert.Equal(rma.Timeline, back.Timeline.Take(4));
    }
}
