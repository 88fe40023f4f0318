namespace ReverseLogistics.Domain.Analytics;

/// <summary>Units returned for one reason and their share of the group's units (0 to 1).</summary>
public sealed record ReasonShare(string ReasonCode, long Units, double Share);
