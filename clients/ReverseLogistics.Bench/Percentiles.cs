namespace ReverseLogistics.Bench;

/// <summary>Percentiles of figures sorted in ascending order, as every benchmark here prints them.</summary>
internal static class Percentiles
{
    /// <param name="fraction">0.5 for the median, 0.99 for p99, 1 for the largest.</param>
    public static double Of(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, fraction * sorted.Count)];
}
