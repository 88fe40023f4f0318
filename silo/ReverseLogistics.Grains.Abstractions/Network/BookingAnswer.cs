using Orleans;

namespace ReverseLogistics.Grains.Network;

/// <summary>Whether a centre booked a return, and the units it then expects on that day (the caller's routing view learns them).</summary>
[GenerateSerializer, Immutable]
public sealed record BookingAnswer([property: Id(0)] bool Booked, [property: Id(1)] DateOnly Day, [property: Id(2)] int UnitsThatDay);
