using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Grains.Returns;

namespace ReverseLogistics.Silo.Events;

/// <summary>
/// The public names of the events a return records (docs/events.md). Stored events keep the domain's names (the
/// trigger that moved the return); merchants see these, which never change once published.
/// </summary>
public static class EventCatalog
{
    private static readonly Dictionary<string, string> PublicNames = new(StringComparer.Ordinal)
    {
        [ReturnGrain.CreatedEvent] = "return.created",
        [nameof(ReturnTrigger.Approve)] = "return.approved",
        [nameof(ReturnTrigger.Reject)] = "return.rejected",
        [nameof(ReturnTrigger.SendToManualReview)] = "return.manual_review",
        [nameof(ReturnTrigger.IssueLabel)] = "return.label_issued",
        [nameof(ReturnTrigger.SchedulePickup)] = "return.pickup_scheduled",
        [nameof(ReturnTrigger.CancelPickup)] = "return.pickup_cancelled",
        [nameof(ReturnTrigger.AwaitDropOff)] = "return.awaiting_dropoff",
        [nameof(ReturnTrigger.MarkInTransit)] = "return.in_transit",
        [ReturnGrain.TrackingAppliedEvent] = "return.tracking_updated",
        [nameof(ReturnTrigger.ReceiveSome)] = "return.partially_received",
        [nameof(ReturnTrigger.ReceiveAll)] = "return.received",
        [nameof(ReturnTrigger.RecordDiscrepancy)] = "return.discrepancy_recorded",
        [nameof(ReturnTrigger.InspectLine)] = "return.line_inspected",
        [nameof(ReturnTrigger.AssignDisposition)] = "return.disposition_assigned",
        [nameof(ReturnTrigger.EscalateInspection)] = "return.inspection_escalated",
        [nameof(ReturnTrigger.CompleteInspection)] = "return.inspected",
        [nameof(ReturnTrigger.IssueRefund)] = "return.refund_issued",
        [nameof(ReturnTrigger.ConfirmRefund)] = "return.refunded",
        [nameof(ReturnTrigger.IssueStoreCredit)] = "return.store_credit_issued",
        [nameof(ReturnTrigger.RequestExchange)] = "return.exchange_requested",
        [nameof(ReturnTrigger.Close)] = "return.closed",
        [nameof(ReturnTrigger.Cancel)] = "return.cancelled",
        [nameof(ReturnTrigger.Expire)] = "return.expired",
        [nameof(ReturnTrigger.RaiseException)] = "return.exception",
        [nameof(ReturnTrigger.ResolveException)] = "return.exception_resolved",
        [nameof(ReturnTrigger.Reroute)] = "return.rerouted",
        [nameof(ReturnTrigger.HoldUnrouted)] = "return.held_unrouted",
    };

    /// <summary>Every public type, in catalogue order.</summary>
    public static IReadOnlyList<string> Types { get; } = [.. PublicNames.Values];

    private static readonly HashSet<string> KnownTypes = [.. Types];

    /// <summary>The public name of a return's stored event; null for what merchants do not see (an ignored carrier scan).</summary>
    public static string? PublicName(string streamType, string storedType) =>
        streamType == ReturnGrain.TypeName ? PublicNames.GetValueOrDefault(storedType) : null;

    public static bool IsKnown(string type) => KnownTypes.Contains(type);
}
