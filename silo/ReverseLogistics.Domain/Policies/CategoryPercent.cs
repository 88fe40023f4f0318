namespace ReverseLogistics.Domain.Policies;

/// <summary>A percentage that applies to one product category instead of the default.</summary>
public sealed record CategoryPercent(string Category, decimal Percent);
