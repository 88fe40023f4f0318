namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// Which groups (SKUs or categories) a page of a grouped report holds, so a page reads the counters of its own groups
/// only. Groups are found in the order of their keys, after the page before, from the month rows of the measures that
/// make a group appear in a report: a group is on a page when one of those rows is not 0 in a month that the range
/// touches. A group active only on days of an end month that the range leaves out is found too and then shows nothing,
/// so a page may hold fewer groups than asked for; only the last page has no next one.
/// </summary>
public static class GroupPage
{
    /// <summary>Beyond every key: the highest code point.</summary>
    private const string EndOfKeys = "\U0010FFFF";

    /// <summary>One open range per measure of its month rows, from the first group after <paramref name="afterGroup"/>.</summary>
    public static IReadOnlyList<CounterRead> Scans(AnalyticsQuery query, IReadOnlyList<Measure> measures, string? afterGroup)
    {
        if (!query.Grouped) throw new ArgumentException("Only a grouped query pages its groups.", nameof(query));
        var from = afterGroup is null ? "" : CounterNames.AfterGroup(afterGroup);
        return [.. measures.Select(measure => new CounterRead(
            CounterNames.Name(measure, query.Dimension, PeriodGrain.Month), PeriodGrain.Month, [new KeyRange(from, EndOfKeys)]))];
    }

    /// <summary>Whether a row a scan found puts its group on the page: not 0, in a month the range touches.</summary>
    public static bool Shows(AnalyticsQuery query, string key, long value)
    {
        if (value == 0) return false;
        var month = CounterNames.PeriodStart(key, PeriodGrain.Month, CounterNames.PeriodAt(key, grouped: true));
        return month >= DayRange.MonthStart(query.Range.First) && month <= query.Range.Last;
    }

    /// <summary>
    /// The first <paramref name="count"/> groups of several scans, each of which found its groups in key order: together,
    /// in key order (a scan that stopped early found at least <paramref name="count"/>, so none is missed).
    /// </summary>
    public static IReadOnlyList<string> Merge(IEnumerable<IReadOnlyList<string>> found, int count) =>
        [.. found.SelectMany(groups => groups).Distinct(StringComparer.Ordinal)
            .OrderBy(CounterNames.Escape, StringComparer.Ordinal).Take(count)];
}
