using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using S = ReverseLogistics.Domain.Returns.ReturnState;
using T = ReverseLogistics.Domain.Returns.ReturnTrigger;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// Every legal move of a return, in one table. A pair not in the table is illegal. A null
/// target means "back to the state the exception was raised in". Rejected, closed, cancelled
/// and expired are final for the customer: only a warehouse's disposition may still be noted on
/// a closed return (a scrapped unit closes the return and is disposed of afterwards).
/// </summary>
public static class ReturnTransitions
{
    private static readonly (S From, T Trigger, S? To)[] Rows =
    [
        (S.Requested, T.Approve, S.Approved),
        (S.Requested, T.Reject, S.Rejected),
        (S.Requested, T.SendToManualReview, S.ManualReview),
        (S.Requested, T.Cancel, S.Cancelled),
        (S.Requested, T.Expire, S.Expired),

        (S.ManualReview, T.Approve, S.Approved),
        (S.ManualReview, T.Reject, S.Rejected),
        (S.ManualReview, T.Cancel, S.Cancelled),
        (S.ManualReview, T.Expire, S.Expired),

        (S.Approved, T.IssueLabel, S.LabelIssued),
        (S.Approved, T.AwaitDropOff, S.AwaitingDropoff), // in store or label-less drop-off: no label needed
        (S.Approved, T.Cancel, S.Cancelled),
        (S.Approved, T.Reroute, S.Approved), // approved while no centre qualified: routed, then labelled
        (S.Approved, T.HoldUnrouted, S.Approved),
        (S.Approved, T.Expire, S.Expired),

        (S.LabelIssued, T.SchedulePickup, S.AwaitingPickup),
        (S.LabelIssued, T.AwaitDropOff, S.AwaitingDropoff),
        (S.LabelIssued, T.MarkInTransit, S.InTransit),
        (S.LabelIssued, T.Cancel, S.Cancelled),
        (S.LabelIssued, T.Reroute, S.LabelIssued), // the label is reissued
        (S.LabelIssued, T.Expire, S.Expired),
        (S.LabelIssued, T.RaiseException, S.Exception), // a carrier exception before the pickup

        (S.AwaitingPickup, T.SchedulePickup, S.AwaitingPickup), // a missed pickup is rebooked
        (S.AwaitingPickup, T.AwaitDropOff, S.AwaitingDropoff),
        (S.AwaitingPickup, T.MarkInTransit, S.InTransit),
        (S.AwaitingPickup, T.Cancel, S.Cancelled),
        (S.AwaitingPickup, T.Reroute, S.AwaitingPickup),
        (S.AwaitingPickup, T.Expire, S.Expired),
        (S.AwaitingPickup, T.CancelPickup, S.LabelIssued),
        (S.AwaitingPickup, T.RaiseException, S.Exception), // missed too often, or a carrier exception

        (S.AwaitingDropoff, T.SchedulePickup, S.AwaitingPickup),
        (S.AwaitingDropoff, T.MarkInTransit, S.InTransit),
        (S.AwaitingDropoff, T.ReceiveSome, S.PartiallyReceived), // handed over in store
        (S.AwaitingDropoff, T.ReceiveAll, S.Received),
        (S.AwaitingDropoff, T.Cancel, S.Cancelled),
        (S.AwaitingDropoff, T.Reroute, S.AwaitingDropoff),
        (S.AwaitingDropoff, T.Expire, S.Expired),
        (S.AwaitingDropoff, T.RaiseException, S.Exception), // a carrier exception after the drop-off

        (S.InTransit, T.ReceiveSome, S.PartiallyReceived),
        (S.InTransit, T.ReceiveAll, S.Received),
        (S.InTransit, T.RaiseException, S.Exception),
        (S.InTransit, T.RecordDiscrepancy, S.InTransit), // only unexpected units in the parcel so far

        (S.PartiallyReceived, T.ReceiveSome, S.PartiallyReceived),
        (S.PartiallyReceived, T.ReceiveAll, S.Received),
        (S.PartiallyReceived, T.CompleteInspection, S.Inspected), // settle what arrived
        (S.PartiallyReceived, T.RaiseException, S.Exception),
        (S.PartiallyReceived, T.RecordDiscrepancy, S.PartiallyReceived),
        (S.PartiallyReceived, T.InspectLine, S.PartiallyReceived),
        (S.PartiallyReceived, T.EscalateInspection, S.PartiallyReceived),

        (S.Received, T.CompleteInspection, S.Inspected),
        (S.Received, T.RaiseException, S.Exception),
        (S.Received, T.RecordDiscrepancy, S.Received),
        (S.Received, T.InspectLine, S.Received),
        (S.Received, T.EscalateInspection, S.Received),

        (S.Inspected, T.IssueRefund, S.RefundPending),
        (S.Inspected, T.IssueStoreCredit, S.StoreCreditIssued),
        (S.Inspected, T.RequestExchange, S.ExchangeRequested),
        (S.Inspected, T.RaiseException, S.Exception),
        (S.Inspected, T.Close, S.Closed), // nothing to refund, e.g. every unit scrapped

        (S.RefundPending, T.ConfirmRefund, S.Refunded),
        (S.Refunded, T.Close, S.Closed),
        (S.StoreCreditIssued, T.Close, S.Closed),
        (S.ExchangeRequested, T.Close, S.Closed),

        // Dispositions follow the settlement, which inspection triggers at once.
        (S.RefundPending, T.AssignDisposition, S.RefundPending),
        (S.Refunded, T.AssignDisposition, S.Refunded),
        (S.StoreCreditIssued, T.AssignDisposition, S.StoreCreditIssued),
        (S.ExchangeRequested, T.AssignDisposition, S.ExchangeRequested),
        (S.Closed, T.AssignDisposition, S.Closed),

        (S.Exception, T.ResolveException, null),
        (S.Exception, T.IssueRefund, S.RefundPending), // e.g. lost in transit: refund anyway
        (S.Exception, T.IssueStoreCredit, S.StoreCreditIssued),
        (S.Exception, T.Close, S.Closed),
    ];

    public static IReadOnlyDictionary<(ReturnState From, ReturnTrigger Trigger), ReturnState?> Table { get; } =
        Rows.ToDictionary(r => (r.From, r.Trigger), r => r.To);

    public static bool IsAllowed(ReturnState from, ReturnTrigger trigger) => Table.ContainsKey((from, trigger));

    /// <summary>The state <paramref name="trigger"/> leads to, or PreconditionFailedException when it is not allowed.</summary>
    public static ReturnState Next(ReturnState from, ReturnTrigger trigger, ReturnState? stateBeforeException = null)
    {
        if (!Table.TryGetValue((from, trigger), out var to))
            throw new PreconditionFailedException($"Return is in state {Name(from)}; cannot {Name(trigger).Replace('_', ' ')}.");
        return to ?? stateBeforeException
            ?? throw new InvalidOperationException("The state before the exception was not recorded.");
    }

    public static string Name(ReturnState state) => JsonNamingPolicy.SnakeCaseLower.ConvertName(state.ToString());

    private static string Name(ReturnTrigger trigger) => JsonNamingPolicy.SnakeCaseLower.ConvertName(trigger.ToString());
}
