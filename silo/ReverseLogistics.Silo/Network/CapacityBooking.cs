namespace ReverseLogistics.Silo.Network;

/// <summary>Units of one return expected at a centre on its arrival day.</summary>
public sealed record CapacityBooking(DateOnly Day, int Units);
