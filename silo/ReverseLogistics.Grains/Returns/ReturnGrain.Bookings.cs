using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Domain.Pickups;

namespace ReverseLogistics.Grains.Returns;

/// <summary>What the orphaned-booking sweep asks a return: does its committed state still hold this booking?</summary>
public sealed partial class ReturnGrain
{
    public Task<bool> HoldsCapacityAtAsync(string centerId, DateOnly day) => Task.FromResult(
        Exists && State.Routing is { DefaultCentre: false } route && route.ArrivalDay == day
        && State.Destination?.FulfillmentCenterId == centerId);

    public Task<bool> HoldsPickupInAsync(string windowId) => Task.FromResult(
        Exists && State.Pickup is { Status: PickupStatus.Booked } booking && booking.Slot.WindowId == windowId);
}
