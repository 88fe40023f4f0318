using System.Diagnostics;
using System.Globalization;
using Grpc.Core;

namespace ReverseLogistics.LoadGen;

internal static class Figures
{
    public static double Seconds(long from, long to) => (to - from) / (double)Stopwatch.Frequency;

    public static double Milliseconds<T>(T timed) where T : ITimed => Seconds(timed.Start, timed.End) * 1000;

    /// <summary>Nearest-rank percentile of ascending values; NaN for none.</summary>
    public static double Percentile(IReadOnlyList<double> ascending, double percent)
    {
        if (ascending.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(percent / 100 * ascending.Count);
        return ascending[Math.Clamp(rank, 1, ascending.Count) - 1];
    }

    /// <summary>"Unavailable 3, DeadlineExceeded 1", or "none".</summary>
    public static string ByStatus<T>(IEnumerable<T> failed) where T : ITimed
    {
        var counts = failed.GroupBy(c => c.Status).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}").ToList();
        return counts.Count == 0 ? "none" : string.Join(", ", counts);
    }

    public static void PrintDetails<T>(TextWriter output, IEnumerable<T> failed, IReadOnlyDictionary<StatusCode, string> details) where T : ITimed
    {
        foreach (var status in failed.Select(c => c.Status).Distinct().Order())
            if (details.TryGetValue(status, out var detail))
                output.WriteLine($"  first {status}: {(detail.Length == 0 ? "(no detail)" : detail)}");
    }

    public static string F(double value, int decimals = 1) =>
        double.IsNaN(value) ? "-" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
