namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// The buckets durations are counted in (docs/analytics.md), each named by its upper bound in seconds: every hour up to
/// 2 days, every 6 hours up to 7 days, every day up to 30 days, every week up to 13 weeks, then one bucket up to a year
/// that also holds anything longer. A quantile is answered with the upper bound of the bucket holding it.
/// </summary>
public static class DurationBuckets
{
    private const long Hour = 3600;
    private const long Day = 24 * Hour;

    /// <summary>The upper bounds, ascending.</summary>
    public static IReadOnlyList<long> Bounds => bounds;

    private static readonly long[] bounds =
    [
        .. Enumerable.Range(1, 48).Select(h => h * Hour),
        .. Enumerable.Range(9, 20).Select(quarter => quarter * 6 * Hour),
        .. Enumerable.Range(8, 23).Select(d => d * Day),
        .. Enumerable.Range(5, 9).Select(w => w * 7 * Day),
        365 * Day,
    ];

    /// <summary>The bound of the bucket <paramref name="seconds"/> falls in: the first bound not below it (the last for anything longer).</summary>
    public static long BoundOf(long seconds)
    {
        var at = Array.BinarySearch(bounds, Math.Max(seconds, 0));
        return at >= 0 ? bounds[at] : bounds[Math.Min(~at, bounds.Length - 1)];
    }

    /// <summary>Count, median and p90 (bucket bounds) and the mean (rounded to the second) of durations counted per bucket bound.</summary>
    public static DurationSummary Summarize(IReadOnlyDictionary<long, long> countsByBound, long seconds)
    {
        var count = countsByBound.Values.Sum();
        if (count == 0) return DurationSummary.None;
        var ordered = countsByBound.Where(b => b.Value != 0).OrderBy(b => b.Key).ToList();
        return new DurationSummary(count, Quantile(ordered, count, 0.5m), Quantile(ordered, count, 0.9m), (seconds + count / 2) / count);
    }

    /// <summary>The bound of the bucket holding the ⌈q·count⌉-th shortest duration.</summary>
    private static long Quantile(List<KeyValuePair<long, long>> ordered, long count, decimal q)
    {
        var rank = (long)Math.Ceiling(q * count);
        long seen = 0;
        foreach (var (bound, n) in ordered)
        {
            seen += n;
            if (seen >= rank) return bound;
        }
        return ordered[^1].Key;
    }
}
