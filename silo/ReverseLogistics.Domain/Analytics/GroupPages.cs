namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// One page of a report over every SKU or category, found before its figures are read (docs/analytics.md, "Pages of groups").
/// Per month and measure of the report's <see cref="GroupPresence"/>, the first page size + 1 groups after the page token's
/// (month rows list a group once each, in group order); the first page size + 1 of all of those are the first of the report,
/// since a group among them is among the first of every month it shows in. The page is the first page size of them, and a
/// group without figures in the range is left out of it, so a page may be shorter than asked.
/// </summary>
public static class GroupPages
{
    /// <summary>The read that finds the first month holding a row of <paramref name="presence"/>'s first measure, up to the range's last.</summary>
    public static CounterRead FirstMonthRead(AnalyticsQuery query, GroupPresence presence) =>
        new(CounterNames.Name(presence.Measures[0], query.Dimension, PeriodGrain.Month), PeriodGrain.Month,
            [new KeyRange("", CounterNames.Period(DayRange.MonthStart(query.Range.Last).AddMonths(1), PeriodGrain.Month))], FirstKeys: 1);

    /// <summary>The reads that find the page's groups, from <paramref name="firstMonth"/> (the range's first unless the presence says otherwise).</summary>
    public static IReadOnlyList<CounterRead> Reads(AnalyticsQuery query, GroupPresence presence, DateOnly firstMonth, string? after, int size)
    {
        var reads = new List<CounterRead>();
        for (var month = DayRange.MonthStart(firstMonth); month <= query.Range.Last; month = month.AddMonths(1))
        {
            var prefix = CounterNames.Period(month, PeriodGrain.Month) + CounterNames.Separator;
            // After the token's group: past its own key, which nothing but a NUL (always escaped) could follow closer.
            var from = after is null ? prefix : prefix + CounterNames.Escape(after) + "\u0001";
            var range = new KeyRange(from, prefix[..^1] + (char)(CounterNames.Separator + 1));
            reads.AddRange(presence.Measures.Select(measure =>
                new CounterRead(CounterNames.Name(measure, query.Dimension, PeriodGrain.Month), PeriodGrain.Month, [range], FirstKeys: size + 1)));
        }
        return reads;
    }

    /// <summary>The page the reads found, and whether a group follows it.</summary>
    public static (GroupPage Page, bool More) Page(IEnumerable<CounterRow> rows, string? after, int size)
    {
        var found = rows.Select(row => CounterNames.FirstPart(row.Key, PeriodGrain.Month)).Distinct(StringComparer.Ordinal)
            .Order(CounterNames.GroupOrder).Take(size + 1).ToList();
        var more = found.Count > size;
        return (new GroupPage(found.Take(size), holdsEveryGroup: after is null && !more), more);
    }
}
