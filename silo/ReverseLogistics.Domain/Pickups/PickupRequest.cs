namespace ReverseLogistics.Domain.Pickups;

/// <summary>What the customer asks for: a local date and, optionally, the start of one window that day.</summary>
public sealed record PickupRequest(DateOnly Date, TimeOnly? WindowStarts);
