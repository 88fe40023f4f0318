using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Returns;
using S = ReverseLogistics.Domain.Returns.ReturnState;
using T = ReverseLogistics.Domain.Returns.ReturnTrigger;

namespace ReverseLogistics.UnitTests.Returns;

/// <summary>Every (state, trigger) pair against a spec written out independently of the production table.</summary>
public sealed class ReturnTransitionsTests
{
    private const S Resume = 0; // back to the state before the exception

    private static readonly Dictionary<S, (T Trigger, S To)[]> Spec = new()
    {
        [S.Requested] = [(T.Approve, S.Approved), (T.Reject, S.Rejected), (T.SendToManualReview, S.ManualReview), (T.Cancel, S.Cancelled), (T.Expire, S.Expired)],
        [S.ManualReview] = [(T.Approve, S.Approved), (T.Reject, S.Rejected), (T.Cancel, S.Cancelled), (T.Expire, S.Expired)],
        [S.Approved] = [(T.IssueLabel, S.LabelIssued), (T.AwaitDropOff, S.AwaitingDropoff), (T.Cancel, S.Cancelled), (T.Expire, S.Expired), (T.Reroute, S.Approved), (T.HoldUnrouted, S.Approved)],
        [S.LabelIssued] = [(T.SchedulePickup, S.AwaitingPickup), (T.AwaitDropOff, S.AwaitingDropoff), (T.MarkInTransit, S.InTransit), (T.Cancel, S.Cancelled), (T.Expire, S.Expired), (T.Reroute, S.LabelIssued), (T.RaiseException, S.Exception)],
        [S.AwaitingPickup] = [(T.SchedulePickup, S.AwaitingPickup), (T.AwaitDropOff, S.AwaitingDropoff), (T.MarkInTransit, S.InTransit), (T.Cancel, S.Cancelled), (T.Expire, S.Expired), (T.Reroute, S.AwaitingPickup), (T.CancelPickup, S.LabelIssued), (T.RaiseException, S.Exception)],
        [S.AwaitingDropoff] = [(T.SchedulePickup, S.AwaitingPickup), (T.MarkInTransit, S.InTransit), (T.ReceiveSome, S.PartiallyReceived), (T.ReceiveAll, S.Received), (T.Cancel, S.Cancelled), (T.Expire, S.Expired), (T.Reroute, S.AwaitingDropoff), (T.RaiseException, S.Exception)],
        [S.InTransit] = [(T.ReceiveSome, S.PartiallyReceived), (T.ReceiveAll, S.Received), (T.RaiseException, S.Exception), (T.RecordDiscrepancy, S.InTransit)],
        [S.PartiallyReceived] = [(T.ReceiveSome, S.PartiallyReceived), (T.ReceiveAll, S.Received), (T.CompleteInspection, S.Inspected), (T.RaiseException, S.Exception),
            (T.RecordDiscrepancy, S.PartiallyReceived), (T.InspectLine, S.PartiallyReceived), (T.EscalateInspection, S.PartiallyReceived)],
        [S.Received] = [(T.CompleteInspection, S.Inspected), (T.RaiseException, S.Exception), (T.RecordDiscrepancy, S.Received), (T.InspectLine, S.Received), (T.EscalateInspection, S.Received)],
        [S.Inspected] = [(T.IssueRefund, S.RefundPending), (T.IssueStoreCredit, S.StoreCreditIssued), (T.RequestExchange, S.ExchangeRequested), (T.RaiseException, S.Exception), (T.Close, S.Closed)],
        [S.RefundPending] = [(T.ConfirmRefund, S.Refunded), (T.AssignDisposition, S.RefundPending)],
        [S.Refunded] = [(T.Close, S.Closed), (T.AssignDisposition, S.Refunded)],
        [S.StoreCreditIssued] = [(T.Close, S.Closed), (T.AssignDisposition, S.StoreCreditIssued)],
        [S.ExchangeRequested] = [(T.Close, S.Closed), (T.AssignDisposition, S.ExchangeRequested)],
        [S.Exception] = [(T.ResolveException, Resume), (T.IssueRefund, S.RefundPending), (T.IssueStoreCredit, S.StoreCreditIssued), (T.Close, S.Closed)],
        [S.Rejected] = [],
        [S.Closed] = [(T.AssignDisposition, S.Closed)], // the warehouse disposes of what a closed return left
        [S.Cancelled] = [],
        [S.Expired] = [],
    };

    public static TheoryData<S, T> AllPairs()
    {
        var data = new TheoryData<S, T>();
        foreach (var state in Enum.GetValues<S>())
            foreach (var trigger in Enum.GetValues<T>())
                data.Add(state, trigger);
        return data;
    }

    [Fact]
    public void The_spec_covers_every_state_and_the_table_has_nothing_more()
    {
        Assert.Equal(Enum.GetValues<S>().Order(), Spec.Keys.Order());
        Assert.Equal(Spec.Values.Sum(moves => moves.Length), ReturnTransitions.Table.Count);
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_state_and_trigger_pair_follows_the_spec(S state, T trigger)
    {
        var move = Spec[state].Where(m => m.Trigger == trigger).Select(m => (S?)m.To).SingleOrDefault();

        if (move is { } expected)
        {
            Assert.True(ReturnTransitions.IsAllowed(state, trigger));
            Assert.Equal(expected == Resume ? S.Received : expected, ReturnTransitions.Next(state, trigger, stateBeforeException: S.Received));
        }
        else
        {
            Assert.False(ReturnTransitions.IsAllowed(state, trigger));
            var error = Assert.Throws<PreconditionFailedException>(() => ReturnTransitions.Next(state, trigger, S.Received));
            Assert.StartsWith($"Return is in state {ReturnTransitions.Name(state)}; cannot ", error.Message);
        }
    }

    [Theory]
    [InlineData(S.Received, T.Cancel, "Return is in state received; cannot cancel.")]
    [InlineData(S.InTransit, T.Cancel, "Return is in state in_transit; cannot cancel.")]
    [InlineData(S.Closed, T.IssueLabel, "Return is in state closed; cannot issue label.")]
    [InlineData(S.Requested, T.AwaitDropOff, "Return is in state requested; cannot await drop off.")]
    public void An_illegal_move_names_the_state_and_the_action(S state, T trigger, string message) =>
        Assert.Equal(message, Assert.Throws<PreconditionFailedException>(() => ReturnTransitions.Next(state, trigger)).Message);

    [Fact]
    public void Resolving_an_exception_without_knowing_where_it_came_from_is_a_bug() =>
        Assert.Throws<InvalidOperationException>(() => ReturnTransitions.Next(S.Exception, T.ResolveException));
}
