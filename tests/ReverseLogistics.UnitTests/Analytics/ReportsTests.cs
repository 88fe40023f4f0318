using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.UnitTests.Analytics;

/// <summary>The reports from counter rows as the store would give them, figures worked out by hand.</summary>
public sealed class ReportsTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void A_year_of_one_sku_reads_its_month_rows_and_the_day_rows_at_either_end_by_exact_key()
    {
        var query = new AnalyticsQuery(new DayRange(D(1, 30), new DateOnly(2027, 1, 2)), Dimension.Sku, "SKU|1");

        var reads = ReturnRateReport.Reads(query);

        var days = reads.Single(r => r.Name == "units_sold.sku.day");
        var months = reads.Single(r => r.Name == "units_sold.sku.month");
        Assert.Equal(6, reads.Count);
        Assert.Equal(["2026-01-30|SKU%7C1", "2026-01-31|SKU%7C1", "2027-01-01|SKU%7C1", "2027-01-02|SKU%7C1"], days.Ranges.Select(r => r.From));
        Assert.All(days.Ranges.Concat(months.Ranges), r => Assert.Equal(r.From + "\u0001", r.To));
        Assert.Equal(11, months.Ranges.Count);
        Assert.Equal("2026-02|SKU%7C1", months.Ranges[0].From);
    }

    [Fact]
    public void Every_group_reads_one_key_range_per_grain_and_measure()
    {
        var reads = ReturnRateReport.Reads(new AnalyticsQuery(new DayRange(D(1, 30), D(3, 2)), Dimension.Category));

        Assert.Equal([new KeyRange("2026-01-30", "2026-02-01"), new KeyRange("2026-03-01", "2026-03-03")],
            reads.Single(r => r.Name == "returns.category.day").Ranges);
        Assert.Equal([new KeyRange("2026-02", "2026-03")], reads.Single(r => r.Name == "returns.category.month").Ranges);
    }

    [Fact]
    public void Rates_add_day_and_month_rows_into_their_periods_per_group_and_units_over_reasons()
    {
        var query = new AnalyticsQuery(new DayRange(D(1, 31), D(3, 1)), Dimension.Category, Interval: Interval.Month);
        var reads = ReturnRateReport.Reads(query);
        CounterRow Row(string name, string key, long value) => new(reads.Single(r => r.Name == name), key, value);

        var groups = ReturnRateReport.Build(query,
        [
            Row("returns.category.day", "2026-01-31|apparel", 1), Row("reasons.category.day", "2026-01-31|apparel|defective", 2),
            Row("units_sold.category.day", "2026-01-31|apparel", 8), Row("units_sold.category.month", "2026-02|apparel", 50),
            Row("returns.category.month", "2026-02|apparel", 3), Row("reasons.category.month", "2026-02|apparel|defective", 1),
            Row("reasons.category.month", "2026-02|apparel|wrong_size", 4),
            Row("units_sold.category.day", "2026-03-01|shoes", 4), Row("returns.category.day", "2026-03-01|toys", 0),
        ]);

        Assert.Equal(["apparel", "shoes"], groups.Select(g => g.Group));
        var apparel = groups[0];
        Assert.Equal(new RatePeriod(new DayRange(D(1, 31), D(3, 1)), 4, 7, 58), apparel.Total);
        Assert.Equal([0.25, 0.1, null], apparel.Periods.Select(p => p.Rate));
        Assert.Equal([D(1, 31), D(2, 1), D(3, 1)], apparel.Periods.Select(p => p.Period.First));
        Assert.Equal(new RatePeriod(new DayRange(D(1, 31), D(3, 1)), 0, 0, 4), groups[1].Total);
        Assert.Equal(0.0, groups[1].Total.Rate);
    }

    [Fact]
    public void Reasons_rank_by_units_then_code_and_name_the_reason_whose_share_grew_most()
    {
        var query = new AnalyticsQuery(new DayRange(D(2, 1), D(2, 28)), Dimension.Overall);
        var reads = ReturnReasonsReport.Reads(query);
        CounterRow Row(bool previous, string key, long value) =>
            new(reads.First(r => r.OfPrevious == previous && r.Grain == (key[7] == '-' ? PeriodGrain.Day : PeriodGrain.Month)), key, value);

        var group = Assert.Single(ReturnReasonsReport.Build(query,
        [
            Row(false, "2026-02|not_as_described", 3), Row(false, "2026-02|wrong_size", 2), Row(false, "2026-02|defective", 2),
            Row(true, "2026-01-30|wrong_size", 3), Row(true, "2026-01-30|defective", 1), Row(true, "2026-01-31|changed_mind", 1),
        ], top: 2));

        Assert.Equal((7L, 2L, 5L), (group.UnitsReturned, group.OtherUnits, group.PreviousUnitsReturned));
        Assert.Equal([new ReasonShare("not_as_described", 3, 3 / 7.0), new ReasonShare("defective", 2, 2 / 7.0)], group.Reasons);
        Assert.Equal(new ReasonGrowth("not_as_described", 3 / 7.0, 0), group.FastestGrowing);
    }

    [Theory]
    [InlineData("2026-02-30", "2026-03-01", "first_day")]
    [InlineData("2026-03-02", "2026-03-01", "last_day")]
    [InlineData("2026-01-01", "2029-01-01", "last_day")]
    [InlineData("1999-12-31", "2000-01-01", "first_day")]
    public void A_range_that_is_not_one_is_refused_naming_its_field(string first, string last, string field)
    {
        var v = new Validator();
        AnalyticsQuery.ParseRange(first, last, v);

        Assert.Equal(field, Assert.Single(Assert.Throws<InvalidInputException>(v.ThrowIfInvalid).Violations).Field);
    }

    [Fact]
    public void Three_years_to_the_day_is_the_longest_range()
    {
        var v = new Validator();
        var range = AnalyticsQuery.ParseRange("2026-01-01", "2028-12-31", v);

        v.ThrowIfInvalid();
        Assert.Equal(AnalyticsQuery.MaxDays, range.Days);
    }

    [Fact]
    public void Groups_whose_names_hold_escapes_are_tallied_under_their_names_and_listed_in_key_order()
    {
        var query = new AnalyticsQuery(new DayRange(D(2, 1), D(2, 28)), Dimension.Sku);
        var months = ReturnReasonsReport.Reads(query).Single(r => r.Name == "reasons.sku.month" && !r.OfPrevious);

        var groups = ReturnReasonsReport.Build(query,
        [
            new(months, "2026-02|AB%25|damaged", 2), new(months, "2026-02|AB%25|late", 1), new(months, "2026-02|AB%7CC|damaged", 4),
            new(months, "2026-02|ABC|damaged", 1), new(months, "2026-02|ABC|late", 3),
        ], top: 5);

        // Escaped, "AB%" is "AB%25" and "AB|C" is "AB%7CC": both sort before "ABC", as the store orders their keys.
        Assert.Equal([("AB%", 3L), ("AB|C", 4L), ("ABC", 4L)], groups.Select(g => (g.Group, g.UnitsReturned)));
        Assert.Equal([("late", 3L), ("damaged", 1L)], groups[2].Reasons.Select(r => (r.ReasonCode, r.Units)));
    }
}
