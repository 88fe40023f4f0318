namespace ReverseLogistics.Domain.Analytics;

/// <summary>A customer's returns requested in a window, and the first and last day with one.</summary>
public sealed record CustomerRisk(string CustomerReference, long Returns, DateOnly FirstReturnDay, DateOnly LastReturnDay);
