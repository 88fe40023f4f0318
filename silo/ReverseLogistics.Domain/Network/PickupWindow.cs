namespace ReverseLogistics.Domain.Network;

/// <summary>
/// A weekly slot in which a carrier collects parcels from customers, in the local time of the
/// address collected from, and how many pickups it takes.
/// </summary>
public sealed record PickupWindow(DayOfWeek Day, TimeOnly Starts, TimeOnly Ends, int Capacity);
