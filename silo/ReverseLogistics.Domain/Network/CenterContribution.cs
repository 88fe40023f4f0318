using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Network;

/// <summary>
/// What a return adds to its centre's figures (<see cref="CenterCounters"/>), from its state alone: the capacity it
/// holds until its parcel arrives, its arrival, the units received and still to inspect, and the units disposed of.
/// Its commit moves the counters by what changed, so a centre's figures need no commit of the centre's own.
/// </summary>
public static class CenterContribution
{
    /// <summary>The facet of <see cref="Returns.ReturnRecord.AnalyticsFacets"/> these counters are kept under.</summary>
    public const string Facet = "centres/1";

    /// <summary>The states in which a routed return still expects its parcel at the centre.</summary>
    private static readonly ReturnState[] AwaitingArrival =
        [ReturnState.Approved, ReturnState.LabelIssued, ReturnState.AwaitingPickup, ReturnState.AwaitingDropoff, ReturnState.InTransit];

    public static void AddTo(Contribution contribution, ReturnRecord record)
    {
        if (HeldBy(record) is { } held)
            contribution.Add(CenterCounters.Bookings, CenterCounters.DayKey(held.CenterId, held.Day), held.Units);
        if (record.Destination?.FulfillmentCenterId is not { } centerId || record.Receiving.ArrivedAt is not { } arrivedAt) return;

        var arrived = DateOnly.FromDateTime(arrivedAt);
        var dayKey = CenterCounters.DayKey(centerId, arrived);
        contribution.Add(CenterCounters.Arrivals, dayKey, 1);
        var received = record.Rma.ReceivedQuantities;
        contribution.Add(CenterCounters.UnitsReceived, dayKey, received.Sum());
        contribution.Add(CenterCounters.Backlog, dayKey, received.Where((_, line) => !record.Receiving.Inspections.ContainsKey(line)).Sum());
        foreach (var (line, disposition) in record.Receiving.Dispositions)
        {
            if (!record.Receiving.Inspections.TryGetValue(line, out var inspection) || line >= record.Request.Lines.Count) continue;
            contribution.Add(CenterCounters.Inventory,
                InventoryKey.Of(centerId, record.Request.Lines[line].Sku, disposition.ResaleSku, inspection.Grade, disposition.Disposition), disposition.Quantity);
        }
    }

    /// <summary>The capacity the return holds: routed to a centre of the network, its parcel expected and not yet there.</summary>
    public static HeldCapacity? HeldBy(ReturnRecord record) =>
        record.Routing is { DefaultCentre: false } route && record.Destination is { } destination
        && record.Receiving.ArrivedAt is null && AwaitingArrival.Contains(record.Rma.State)
            ? new HeldCapacity(destination.FulfillmentCenterId, route.ArrivalDay, route.Units)
            : null;
}
