namespace ReverseLogistics.Domain.Analytics;

/// <summary>Resolution durations over the whole range, and cut by the query's interval (empty when not cut).</summary>
public sealed record ResolutionMetrics(ResolutionPeriod Total, IReadOnlyList<ResolutionPeriod> Periods);
