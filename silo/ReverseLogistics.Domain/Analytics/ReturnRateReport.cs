namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// The return rate from the counters: what to read for a query (<see cref="Reads"/>) and the figures from what was
/// read (<see cref="Build"/>). Whole months are read as month rows, the rest as day rows; periods shorter than a
/// month (days, weeks) need day rows throughout. Units returned are the reason counters' units, which every counted
/// line adds its units to under its one reason.
/// </summary>
public static class ReturnRateReport
{
    /// <summary>The columns a group's period adds up: returns, units returned (its reasons' units, summed), units sold.</summary>
    private static readonly Measure[] Measures = [Measure.Returns, Measure.ReasonUnits, Measure.UnitsSold];

    /// <summary>A group has figures in a month only if it has returns or sales that month.</summary>
    public static readonly GroupPresence Presence = new([Measure.Returns, Measure.UnitsSold]);

    public static IReadOnlyList<CounterRead> Reads(AnalyticsQuery query)
    {
        var daysOnly = query.Interval is Interval.Day or Interval.Week;
        return [.. Measures.SelectMany(measure =>
            query.Reads(measure, query.Range, daysOnly, ofPrevious: false, keyedFurther: measure == Measure.ReasonUnits))];
    }

    /// <summary>Every group (of the page) with figures in the range (and the one asked for, or the whole business, even without), in group order.</summary>
    public static IReadOnlyList<RateGroup> Build(AnalyticsQuery query, IEnumerable<CounterRow> rows)
    {
        var periods = Periods.Cut(query.Range, query.Interval);
        var figures = new GroupTallies<long[,]>(query, () => new long[periods.Count, Measures.Length]);
        var measures = new Dictionary<CounterRead, int>(ReferenceEqualityComparer.Instance);
        foreach (var row in rows)
        {
            if (!measures.TryGetValue(row.Read, out var measure)) measures[row.Read] = measure = Array.IndexOf(Measures, MeasureOf(row.Read.Name));
            var start = CounterNames.PeriodStart(row.Key, row.Read.Grain);
            if (!query.Range.Contains(start) || !figures.TryGet(row.Key, row.Read.Grain, out var values)) continue;
            var period = PeriodIndex(periods, start);
            values[period, measure] = checked(values[period, measure] + row.Value);
        }
        return [.. figures.InGroupOrder().Select(group => Group(group.Group, query, periods, group.Tally))
            .Where(group => group.Total is not { Returns: 0, UnitsReturned: 0, UnitsSold: 0 } || query.Dimension == Dimension.Overall || query.Only == group.Group)];
    }

    private static RateGroup Group(string name, AnalyticsQuery query, IReadOnlyList<DayRange> periods, long[,] values)
    {
        var cut = periods.Select((period, i) => new RatePeriod(period, values[i, 0], values[i, 1], values[i, 2])).ToList();
        var total = new RatePeriod(query.Range, cut.Sum(p => p.Returns), cut.Sum(p => p.UnitsReturned), cut.Sum(p => p.UnitsSold));
        return new RateGroup(name, total, query.Interval == Interval.Whole ? [] : cut);
    }

    /// <summary>The period holding <paramref name="day"/> (a month row's first day lies in the period holding its whole month).</summary>
    internal static int PeriodIndex(IReadOnlyList<DayRange> periods, DateOnly day)
    {
        int low = 0, high = periods.Count - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (periods[middle].First <= day) low = middle;
            else high = middle - 1;
        }
        return low;
    }

    private static Measure MeasureOf(string name) => name[..name.IndexOf('.')] switch
    {
        "returns" => Measure.Returns,
        "reasons" => Measure.ReasonUnits,
        "units_sold" => Measure.UnitsSold,
        _ => throw new ArgumentException($"Counter {name} is not a return-rate counter.", nameof(name)),
    };
}
