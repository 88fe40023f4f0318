namespace ReverseLogistics.Domain.Pickups;

/// <summary>A return's customer pickup: the window it is booked into, and how often a missed pickup was rebooked.</summary>
public sealed record PickupBooking(PickupSlot Slot, PickupStatus Status, int Rebookings, DateTime BookedAt)
{
    public bool IsFrozenAt(DateTime now) => now >= Slot.CutoffUtc;
}
