using System.Globalization;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// Resolution times from the counters of returns refunded in the range (<see cref="ReturnOutcomes"/>): per span, the
/// returns in each duration bucket and their seconds summed, whole months from month rows and the rest from day rows.
/// </summary>
public static class ResolutionReport
{
    public static IReadOnlyList<ResolutionSpan> Spans { get; } = Enum.GetValues<ResolutionSpan>();

    private static readonly Dictionary<string, ResolutionSpan>.AlternateLookup<ReadOnlySpan<char>> ByName =
        Spans.ToDictionary(SpanName, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How a span is named in counter keys.</summary>
    public static string SpanName(ResolutionSpan span) => span switch
    {
        ResolutionSpan.RequestToRefund => "request_to_refund",
        ResolutionSpan.Approval => "approval",
        ResolutionSpan.InTransit => "in_transit",
        ResolutionSpan.AwaitingInspection => "awaiting_inspection",
        ResolutionSpan.Refund => "refund",
        _ => throw new ArgumentOutOfRangeException(nameof(span)),
    };

    public static IReadOnlyList<CounterRead> Reads(AnalyticsQuery query)
    {
        var daysOnly = query.Interval is Interval.Day or Interval.Week;
        return [.. new[] { Measure.ResolutionReturns, Measure.ResolutionSeconds }
            .SelectMany(measure => query.Reads(measure, query.Range, daysOnly, ofPrevious: false, keyedFurther: false, manyRowsADay: true))];
    }

    public static ResolutionMetrics Build(AnalyticsQuery query, IEnumerable<CounterRow> rows)
    {
        var periods = Periods.Cut(query.Range, query.Interval);
        var counts = new Dictionary<long, long>[periods.Count, Spans.Count];
        var seconds = new long[periods.Count, Spans.Count];
        for (var p = 0; p < periods.Count; p++)
            for (var s = 0; s < Spans.Count; s++) counts[p, s] = [];
        foreach (var row in rows)
        {
            var start = CounterNames.PeriodStart(row.Key, row.Read.Grain);
            if (!query.Range.Contains(start)) continue;
            var period = ReturnRateReport.PeriodIndex(periods, start);
            // "period|span" or "period|span|bound": names and digits hold no escapes, so the key's own text is read.
            var rest = row.Key.AsSpan(CounterNames.PeriodWidth(row.Read.Grain) + 1);
            var separator = rest.IndexOf(CounterNames.Separator);
            if (!ByName.TryGetValue(separator < 0 ? rest : rest[..separator], out var span)) continue;
            if (separator >= 0)
            {
                var bound = long.Parse(rest[(separator + 1)..], CultureInfo.InvariantCulture);
                counts[period, (int)span][bound] = checked(counts[period, (int)span].GetValueOrDefault(bound) + row.Value);
            }
            else
            {
                seconds[period, (int)span] = checked(seconds[period, (int)span] + row.Value);
            }
        }
        var cut = periods.Select((range, p) => new ResolutionPeriod(range,
            [.. Spans.Select(span => DurationBuckets.Summarize(counts[p, (int)span], seconds[p, (int)span]))])).ToList();
        var total = new ResolutionPeriod(query.Range, [.. Spans.Select(span => DurationBuckets.Summarize(
            Merge(Enumerable.Range(0, periods.Count).Select(p => counts[p, (int)span])),
            Enumerable.Range(0, periods.Count).Sum(p => seconds[p, (int)span])))]);
        return new ResolutionMetrics(total, query.Interval == Interval.Whole ? [] : cut);
    }

    private static Dictionary<long, long> Merge(IEnumerable<Dictionary<long, long>> buckets)
    {
        var merged = new Dictionary<long, long>();
        foreach (var (bound, count) in buckets.SelectMany(b => b)) merged[bound] = checked(merged.GetValueOrDefault(bound) + count);
        return merged;
    }
}
