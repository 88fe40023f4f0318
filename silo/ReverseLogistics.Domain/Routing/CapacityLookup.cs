namespace ReverseLogistics.Domain.Routing;

/// <summary>Units already expected at a centre on a day (booked returns in transit), supplied by the caller.</summary>
public delegate int CapacityLookup(string centerId, DateOnly day);
