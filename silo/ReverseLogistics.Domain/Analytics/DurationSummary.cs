namespace ReverseLogistics.Domain.Analytics;

/// <summary>Durations of one span: how many, the median and p90 as bucket bounds (<see cref="DurationBuckets"/>), the exact mean.</summary>
public sealed record DurationSummary(long Count, long MedianSeconds, long P90Seconds, long MeanSeconds)
{
    public static DurationSummary None { get; } = new(0, 0, 0, 0);
}
