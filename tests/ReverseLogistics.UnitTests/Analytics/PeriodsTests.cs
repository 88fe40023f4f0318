using ReverseLogistics.Domain.Analytics;

namespace ReverseLogistics.UnitTests.Analytics;

public sealed class PeriodsTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Weeks_run_monday_to_sunday_and_are_cut_at_the_ranges_ends()
    {
        var weeks = Periods.Cut(new DayRange(D(1, 28), D(2, 10)), Interval.Week);

        Assert.Equal([new(D(1, 28), D(2, 1)), new(D(2, 2), D(2, 8)), new DayRange(D(2, 9), D(2, 10))], weeks);
    }

    [Fact]
    public void Months_are_calendar_months_cut_at_the_ranges_ends_and_days_are_each_day()
    {
        Assert.Equal([new(D(1, 31), D(1, 31)), new(D(2, 1), D(2, 28)), new DayRange(D(3, 1), D(3, 1))],
            Periods.Cut(new DayRange(D(1, 31), D(3, 1)), Interval.Month));
        Assert.Equal(3, Periods.Cut(new DayRange(D(2, 27), D(3, 1)), Interval.Day).Count);
        Assert.Equal([new DayRange(D(2, 27), D(3, 1))], Periods.Cut(new DayRange(D(2, 27), D(3, 1)), Interval.Whole));
    }

    [Fact]
    public void A_range_is_covered_by_its_whole_months_and_the_days_around_them()
    {
        var (days, months) = Periods.Cover(new DayRange(D(1, 15), D(4, 3)), daysOnly: false);

        Assert.Equal([new(D(1, 15), D(1, 31)), new DayRange(D(4, 1), D(4, 3))], days);
        Assert.Equal(new DayRange(D(2, 1), D(3, 31)), months);
    }

    [Fact]
    public void A_range_without_a_whole_month_or_cut_in_days_is_covered_by_days()
    {
        var (noWholeMonth, none) = Periods.Cover(new DayRange(D(1, 15), D(2, 10)), daysOnly: false);
        var (inDays, notMonths) = Periods.Cover(new DayRange(D(1, 1), D(3, 31)), daysOnly: true);
        var (days, months) = Periods.Cover(new DayRange(D(1, 1), D(3, 31)), daysOnly: false);

        Assert.Equal([new DayRange(D(1, 15), D(2, 10))], noWholeMonth);
        Assert.Null(none);
        Assert.Equal([new DayRange(D(1, 1), D(3, 31))], inDays);
        Assert.Null(notMonths);
        Assert.Empty(days);
        Assert.Equal(new DayRange(D(1, 1), D(3, 31)), months);
    }

    [Fact]
    public void The_previous_range_has_the_same_length_and_ends_the_day_before()
    {
        Assert.Equal(new DayRange(D(1, 4), D(1, 31)), new DayRange(D(2, 1), D(2, 28)).Preceding());
    }
}
