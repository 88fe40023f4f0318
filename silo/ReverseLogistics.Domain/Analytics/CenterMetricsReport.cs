using ReverseLogistics.Domain.Network;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// GetCenterMetrics: per centre, parcels arrived and units received per period of a range, and the inspection backlog
/// now (units received and not yet inspected, by the day their parcel arrived), from the counters every return's commit
/// moves (<see cref="CenterContribution"/>), of every merchant together.
/// </summary>
public static class CenterMetricsReport
{
    /// <summary>Per centre, its days in the range (arrivals and units received) and all its backlog days.</summary>
    public static IReadOnlyList<CounterRead> Reads(IReadOnlyList<string> centerIds, DayRange range)
    {
        List<KeyRange> days = [.. centerIds.Select(id => CenterCounters.Days(id, range))];
        return
        [
            new CounterRead(CenterCounters.Arrivals, PeriodGrain.Day, days),
            new CounterRead(CenterCounters.UnitsReceived, PeriodGrain.Day, days),
            new CounterRead(CenterCounters.Backlog, PeriodGrain.Day, [.. centerIds.Select(id => KeyRange.Prefix(CenterCounters.Prefix(id)))]),
        ];
    }

    /// <summary>One entry per centre, in the order of <paramref name="centerIds"/>; <paramref name="today"/> dates the backlog.</summary>
    public static IReadOnlyList<CenterMetrics> Build(IReadOnlyList<string> centerIds, DayRange range, Interval interval, DateOnly today,
        IReadOnlyList<CounterRow> rows)
    {
        var figures = rows.Select(row => (row.Read.Name, Key: CenterCounters.ParseDayKey(row.Key), row.Value))
            .GroupBy(f => (f.Name, f.Key))
            .ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
        var periods = Periods.Cut(range, interval);
        return [.. centerIds.Select(centerId =>
        {
            ReceivingPeriod Period(DayRange days) => new(days,
                Sum(figures, CenterCounters.Arrivals, centerId, days), Sum(figures, CenterCounters.UnitsReceived, centerId, days));
            List<BacklogDay> backlog = [.. figures
                .Where(f => f.Key.Name == CenterCounters.Backlog && f.Key.Key.CenterId == centerId && f.Value != 0)
                .Select(f => new BacklogDay(f.Key.Key.Day, f.Value))
                .OrderBy(b => b.Day)];
            return new CenterMetrics(centerId, Period(range), interval == Interval.Whole ? [] : [.. periods.Select(Period)],
                backlog.Sum(b => b.Units), backlog.Count == 0 ? 0 : Math.Max(0, today.DayNumber - backlog[0].Day.DayNumber), backlog);
        })];
    }

    private static long Sum(Dictionary<(string Name, (string CenterId, DateOnly Day) Key), long> figures, string name, string centerId, DayRange days)
    {
        var sum = 0L;
        for (var day = days.First; day <= days.Last; day = day.AddDays(1)) sum += figures.GetValueOrDefault((name, (centerId, day)));
        return sum;
    }
}
