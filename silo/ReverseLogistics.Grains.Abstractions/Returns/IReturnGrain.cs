using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Returns;

/// <summary>
/// One return (key: tenant id / return id). It applies the lifecycle to its record and persists every transition
/// both in its timeline and as an event. Calls out to fulfilment centres (capacity) and carrier windows (pickups);
/// nothing calls back, so no call cycle exists.
/// </summary>
public interface IReturnGrain : IGrainWithStringKey
{
    /// <summary>The return; NOT_FOUND when it does not exist.</summary>
    [ReadOnly]
    Task<ReturnSnapshot> GetAsync();

    /// <param name="draft">Handed over, not copied: the caller does not touch it after the call.</param>
    [FreshKey]
    Task<ReturnSnapshot> CreateAsync(Immutable<ReturnDraft> draft, Caller caller, IdempotencyTicket ticket);

    Task<ReturnSnapshot> ApproveAsync(string note, Caller caller, IdempotencyTicket ticket);

    /// <summary>Routes the return again before its parcel is on the way; FAILED_PRECONDITION when no centre can take it.</summary>
    Task<ReturnSnapshot> RerouteAsync(string reason, Caller caller, IdempotencyTicket ticket);

    Task<ReturnSnapshot> RejectAsync(string reason, Caller caller, IdempotencyTicket ticket);

    /// <summary>Cancels the return; a pickup booked for it is released first unless its window is frozen.</summary>
    Task<ReturnSnapshot> CancelAsync(string reason, Caller caller, IdempotencyTicket ticket);

    Task<ReturnSnapshot> ConfirmRefundAsync(string paymentReference, Caller caller, IdempotencyTicket ticket);

    Task<ReturnSnapshot> ResolveExceptionAsync(ExceptionResolution resolution, Money? amount, string note, Caller caller, IdempotencyTicket ticket);

    Task<ReturnSnapshot> SchedulePickupAsync(PickupRequest request, Caller caller, IdempotencyTicket ticket);

    Task<ReturnSnapshot> ReschedulePickupAsync(PickupRequest request, Caller caller, IdempotencyTicket ticket);

    Task<ReturnSnapshot> CancelPickupAsync(Caller caller, IdempotencyTicket ticket);

    /// <summary>A carrier's tracking event; an event id seen before gets its first answer and changes nothing.</summary>
    Task<TrackingResult> ReportTrackingEventAsync(TrackingEvent report, IdempotencyTicket ticket);

    Task<ReturnSnapshot> ScanAsync(HandheldScan scan, IdempotencyTicket ticket);

    Task<ReturnSnapshot> ReceiveItemsAsync(HandheldScan scan, IReadOnlyList<ReceivedItem> items, IReadOnlyList<UnexpectedItem> unexpected,
        IdempotencyTicket ticket);

    Task<ReturnSnapshot> RecordInspectionAsync(HandheldScan scan, int lineIndex, InspectionGrade grade, string? notes,
        IReadOnlyList<string> photoReferences, IReadOnlyList<MismatchFlag> mismatches, IdempotencyTicket ticket);

    Task<ReturnSnapshot> SetDispositionAsync(HandheldScan scan, int lineIndex, Disposition disposition, IdempotencyTicket ticket);

    Task<ReturnSnapshot> ReportExceptionAsync(HandheldScan scan, ExceptionKind kind, string? notes, IdempotencyTicket ticket);

    /// <summary>The label-expiry timer; whether the return expired in this call.</summary>
    Task<bool> ExpireLabelIfDueAsync();

    /// <summary>The inspection-SLA timer; whether the return was escalated in this call.</summary>
    Task<bool> EscalateInspectionIfDueAsync();

    /// <summary>The missed-pickup timer; whether the return was rebooked or raised in this call.</summary>
    Task<bool> HandleMissedPickupIfDueAsync();

    /// <summary>Does the committed state still hold this centre booking? (The orphaned-booking sweep asks.)</summary>
    [ReadOnly]
    Task<bool> HoldsCapacityAtAsync(string centerId, DateOnly day);

    /// <summary>Does the committed state still hold a pickup in this window?</summary>
    [ReadOnly]
    Task<bool> HoldsPickupInAsync(string windowId);

    /// <summary>
    /// Counts the return in every current analytics facet it is not counted in yet (a return stored before the facet
    /// existed), committing what that adds to the counters; false when there was nothing to count (docs/analytics.md).
    /// </summary>
    Task<bool> CountInAnalyticsAsync();
}
