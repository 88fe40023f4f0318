namespace ReverseLogistics.Domain.Pickups;

/// <summary>Where a customer pickup stands. Manifested is not stored: a booked pickup is on its manifest once the cut-off passed.</summary>
public enum PickupStatus
{
    Booked = 1,
    Cancelled = 3,
    PickedUp = 4,
    Missed = 5,
}
