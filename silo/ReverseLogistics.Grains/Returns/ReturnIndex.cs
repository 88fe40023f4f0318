using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Returns;

/// <summary>
/// The searchable attributes of a return, written with its state: what ListReturns and the fraud check
/// query, and what a warehouse scans (tracking number or return id), looked up across tenants.
/// </summary>
public static class ReturnIndex
{
    public const string Status = "status";
    public const string Customer = "customer";
    public const string Order = "order";
    public const string Created = "created";
    public const string Id = CrossTenantIndex.Id;
    public const string Tracking = CrossTenantIndex.Tracking;
    /// <summary>Due kinds (<see cref="DueIndex"/>) of the return's timers, swept by the scheduler.</summary>
    public const string LabelExpiry = "label_expiry";
    public const string InspectionSla = "inspection_sla";
    public const string MissedPickup = "missed_pickup";
    /// <summary>A booked (not cancelled) pickup's window start; ListPickups reads it.</summary>
    public const string Pickup = "pickup";

    public static IReadOnlyList<IndexEntry> Of(string returnId, ReturnRecord record)
    {
        List<IndexEntry> entries =
        [
            new(Status, record.Rma.State.ToString()),
            new(Customer, record.Request.CustomerReference),
            new(Created, Timestamp(record.CreatedAt)),
            new(Id, returnId),
        ];
        if (record.TrackingNumber is { } tracking) entries.Add(new(Tracking, tracking));
        entries.AddRange(record.Request.Lines.Select(l => l.OrderReference).Distinct().Select(order => new IndexEntry(Order, order)));
        if (ReturnTimers.LabelExpiresAt(record.Rma, record.Policy) is { } expiresAt) entries.Add(DueIndex.Entry(LabelExpiry, expiresAt));
        if (ReturnTimers.InspectionDueAt(record.Rma, record.Policy) is { } inspectBy) entries.Add(DueIndex.Entry(InspectionSla, inspectBy));
        if (record.Pickup is { Status: not PickupStatus.Cancelled } pickup) entries.Add(new(Pickup, Timestamp(pickup.Slot.StartUtc)));
        if (record.Pickup is { Status: PickupStatus.Booked } booked && record.Rma.State == ReturnState.AwaitingPickup)
            entries.Add(DueIndex.Entry(MissedPickup, booked.Slot.EndUtc + PickupRules.MissedPickupGrace));
        return entries;
    }

    /// <summary>ISO 8601 UTC with fixed width, so ordinal order is time order: as timelines write it.</summary>
    public static string Timestamp(DateTime at) => ReturnText.Timestamp(at);
}
