namespace ReverseLogistics.Silo.Observability;

/// <summary>A histogram of durations in seconds over fixed buckets; thread-safe.</summary>
public sealed class DurationHistogram
{
    /// <summary>Upper bounds (seconds) from a cache hit to a slow store round trip; +Inf is implicit.</summary>
    public static readonly double[] Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly long[] _counts = new long[Buckets.Length + 1];
    private readonly Lock _gate = new();
    private double _sum;

    public void Observe(double seconds)
    {
        var bucket = Array.FindIndex(Buckets, bound => seconds <= bound);
        lock (_gate)
        {
            _counts[bucket < 0 ? Buckets.Length : bucket]++;
            _sum += seconds;
        }
    }

    /// <summary>Writes the cumulative buckets, the sum and the count, under the given labels.</summary>
    public void WriteTo(PrometheusText text, string name, params (string Name, string Value)[] labels)
    {
        long[] counts;
        double sum;
        lock (_gate)
        {
            counts = (long[])_counts.Clone();
            sum = _sum;
        }
        long cumulative = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            cumulative += counts[i];
            var bound = i < Buckets.Length ? Buckets[i] : double.PositiveInfinity;
            text.Sample(name + "_bucket", cumulative, [.. labels, ("le", PrometheusText.FormatValue(bound))]);
        }
        text.Sample(name + "_sum", sum, labels);
        text.Sample(name + "_count", cumulative, labels);
    }
}
