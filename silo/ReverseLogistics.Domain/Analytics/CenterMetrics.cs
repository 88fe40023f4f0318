namespace ReverseLogistics.Domain.Analytics;

/// <summary>A centre's receiving figures: over the range, per period, and its inspection backlog now.</summary>
public sealed record CenterMetrics(
    string CenterId, ReceivingPeriod Total, IReadOnlyList<ReceivingPeriod> Periods, long BacklogUnits, int BacklogOldestAgeDays,
    IReadOnlyList<BacklogDay> Backlog);
