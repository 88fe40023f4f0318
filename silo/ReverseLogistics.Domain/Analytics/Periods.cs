namespace ReverseLogistics.Domain.Analytics;

/// <summary>Cutting a range into periods, and which counter rows cover it.</summary>
public static class Periods
{
    /// <summary>The range cut by <paramref name="interval"/>, in order; together they are the range.</summary>
    public static IReadOnlyList<DayRange> Cut(DayRange range, Interval interval)
    {
        if (interval == Interval.Whole) return [range];
        var periods = new List<DayRange>();
        for (var start = range.First; start <= range.Last;)
        {
            var end = interval switch
            {
                Interval.Day => start,
                Interval.Week => start.AddDays(6 - ((int)start.DayOfWeek + 6) % 7),
                Interval.Month => DayRange.MonthEnd(start),
                _ => throw new ArgumentOutOfRangeException(nameof(interval)),
            };
            if (end > range.Last) end = range.Last;
            periods.Add(new DayRange(start, end));
            start = end.AddDays(1);
        }
        return periods;
    }

    /// <summary>
    /// The counter rows that add up to <paramref name="range"/>: the month rows of its whole calendar months and the
    /// day rows of the days before and after them; only day rows when <paramref name="daysOnly"/> (periods shorter than
    /// a month need them) or when the range holds no whole month.
    /// </summary>
    public static (IReadOnlyList<DayRange> DaySpans, DayRange? Months) Cover(DayRange range, bool daysOnly)
    {
        var firstWhole = range.First.Day == 1 ? range.First : DayRange.MonthStart(range.First).AddMonths(1);
        var lastWhole = DayRange.MonthEnd(range.Last) == range.Last ? range.Last : DayRange.MonthStart(range.Last).AddDays(-1);
        if (daysOnly || firstWhole > lastWhole) return ([range], null);
        var spans = new List<DayRange>();
        if (range.First < firstWhole) spans.Add(new DayRange(range.First, firstWhole.AddDays(-1)));
        if (lastWhole < range.Last) spans.Add(new DayRange(lastWhole.AddDays(1), range.Last));
        return (spans, new DayRange(firstWhole, lastWhole));
    }
}
