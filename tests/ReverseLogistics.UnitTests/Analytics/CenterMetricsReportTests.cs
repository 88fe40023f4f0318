using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Network;

namespace ReverseLogistics.UnitTests.Analytics;

/// <summary>GetCenterMetrics' figures from counter rows, against values worked out by hand.</summary>
public sealed class CenterMetricsReportTests
{
    private static readonly DateOnly Today = new(2026, 3, 20);
    private static readonly DayRange March9To15 = new(new(2026, 3, 9), new(2026, 3, 15));

    [Fact]
    public void Reads_each_centres_days_in_the_range_and_its_whole_backlog()
    {
        var reads = CenterMetricsReport.Reads(["FC-1", "FC-2"], March9To15);

        Assert.Equal([CenterCounters.Arrivals, CenterCounters.UnitsReceived, CenterCounters.Backlog], reads.Select(r => r.Name));
        Assert.Equal([new KeyRange("FC-1|2026-03-09", "FC-1|2026-03-16"), new KeyRange("FC-2|2026-03-09", "FC-2|2026-03-16")], reads[0].Ranges);
        Assert.Equal([new KeyRange("FC-1|", "FC-1}"), new KeyRange("FC-2|", "FC-2}")], reads[2].Ranges);
    }

    [Fact]
    public void Adds_up_parcels_and_units_per_period_and_the_backlog_of_every_merchant_by_arrival_day()
    {
        var reads = CenterMetricsReport.Reads(["FC-1", "FC-2"], March9To15);
        CounterRow Row(int read, string key, long value) => new(reads[read], key, value);
        List<CounterRow> rows =
        [
            // FC-1: Tuesday 10th 2 + 1 parcels (two merchants), Sunday 15th 1; units 5 + 2, and 4.
            Row(0, "FC-1|2026-03-10", 2), Row(0, "FC-1|2026-03-10", 1), Row(0, "FC-1|2026-03-15", 1),
            Row(1, "FC-1|2026-03-10", 5), Row(1, "FC-1|2026-03-10", 2), Row(1, "FC-1|2026-03-15", 4),
            // Backlog: 3 units of the 10th, none left of the 12th (a row back at 0), 4 of the 18th.
            Row(2, "FC-1|2026-03-10", 3), Row(2, "FC-1|2026-03-12", 0), Row(2, "FC-1|2026-03-18", 4),
        ];

        var report = CenterMetricsReport.Build(["FC-1", "FC-2"], March9To15, Interval.Week, Today, rows);

        var fc1 = report[0];
        Assert.Equal(("FC-1", 4L, 11L), (fc1.CenterId, fc1.Total.Parcels, fc1.Total.Units));
        // Monday 9th to Sunday 15th is one ISO week.
        Assert.Equal([new ReceivingPeriod(March9To15, 4, 11)], fc1.Periods);
        Assert.Equal((7L, 10), (fc1.BacklogUnits, fc1.BacklogOldestAgeDays));
        Assert.Equal([new BacklogDay(new(2026, 3, 10), 3), new BacklogDay(new(2026, 3, 18), 4)], fc1.Backlog);

        var fc2 = report[1];
        Assert.Equal(("FC-2", 0L, 0L, 0L, 0), (fc2.CenterId, fc2.Total.Parcels, fc2.Total.Units, fc2.BacklogUnits, fc2.BacklogOldestAgeDays));
        Assert.Empty(fc2.Backlog);
    }

    [Fact]
    public void Cuts_the_range_into_days_when_asked()
    {
        var range = new DayRange(new(2026, 3, 14), new(2026, 3, 15));
        var reads = CenterMetricsReport.Reads(["FC-1"], range);

        var report = CenterMetricsReport.Build(["FC-1"], range, Interval.Day, Today,
            [new CounterRow(reads[0], "FC-1|2026-03-15", 2), new CounterRow(reads[1], "FC-1|2026-03-15", 6)]);

        Assert.Equal([new ReceivingPeriod(new(range.First, range.First), 0, 0), new ReceivingPeriod(new(range.Last, range.Last), 2, 6)],
            report[0].Periods);
        Assert.Empty(CenterMetricsReport.Build(["FC-1"], range, Interval.Whole, Today, []).Single().Periods);
    }
}
