namespace ReverseLogistics.Domain.Analytics;

/// <summary>Durations of the returns refunded in a period, one summary per <see cref="ResolutionSpan"/> (indexed by it).</summary>
public sealed record ResolutionPeriod(DayRange Period, IReadOnlyList<DurationSummary> Spans)
{
    public DurationSummary RequestToRefund => Spans[(int)ResolutionSpan.RequestToRefund];
}
