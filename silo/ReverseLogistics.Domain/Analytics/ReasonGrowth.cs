namespace ReverseLogistics.Domain.Analytics;

/// <summary>A reason's share in the range and in the period of the same length before it.</summary>
public sealed record ReasonGrowth(string ReasonCode, double Share, double PreviousShare);
