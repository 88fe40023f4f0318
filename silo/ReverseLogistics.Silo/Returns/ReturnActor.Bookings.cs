using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Domain.Pickups;

namespace ReverseLogistics.Silo.Returns;

/// <summary>What the orphaned-booking sweep asks a return: does its committed state still hold this booking?</summary>
public sealed partial class ReturnActor
{
    public bool HoldsCapacityAt(string centerId, DateOnly day) =>
        Exists && State.Routing is { DefaultCentre: false } route && route.ArrivalDay == day
        && State.Destination?.FulfillmentCenterId == centerId;

    public bool HoldsPickupIn(string windowId) =>
        Exists && State.Pickup is { Status: PickupStatus.Booked } booking && booking.Slot.WindowId == windowId;
}
