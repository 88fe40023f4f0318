namespace ReverseLogistics.Domain.Network;

/// <summary>
/// Units of one return expected at a centre on its arrival day, and when the centre booked them
/// (null on bookings made before it was recorded: the orphan sweep counts those as old).
/// </summary>
public sealed record CapacityBooking(DateOnly Day, int Units, DateTime? BookedAt = null)
{
    public bool SameLoadAs(CapacityBooking other) => Day == other.Day && Units == other.Units;
}
