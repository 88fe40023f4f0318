namespace ReverseLogistics.Domain.Network;

/// <summary>The receiving capacity a return holds: its units at one centre on its expected arrival day.</summary>
public sealed record HeldCapacity(string CenterId, DateOnly Day, int Units)
{
    public CapacityBooking Booking => new(Day, Units);
}
