using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.UnitTests.Analytics;

/// <summary>The reports from counter rows as the store would give them, figures worked out by hand.</summary>
public sealed class ReportsTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void A_year_of_one_sku_reads_one_key_range_per_run_of_days_or_months()
    {
        var query = new AnalyticsQuery(new DayRange(D(1, 30), new DateOnly(2027, 1, 2)), Dimension.Sku, "SKU|1");

        var reads = ReturnRateReport.Reads(query, ["SKU|1"]);

        const string Sku = "SKU%7C1\u0001";
        Assert.Equal(6, reads.Count);
        Assert.Equal([new KeyRange(Sku + "2026-01-30", Sku + "2026-02-01"), new KeyRange(Sku + "2027-01-01", Sku + "2027-01-03")],
            reads.Single(r => r.Name == "units_sold.by_sku.day").Ranges);
        Assert.Equal([new KeyRange(Sku + "2026-02", Sku + "2027-01")], reads.Single(r => r.Name == "units_sold.by_sku.month").Ranges);
    }

    [Fact]
    public void A_page_of_groups_reads_one_key_range_per_group_and_run_and_the_whole_business_one_per_run()
    {
        var range = new DayRange(D(1, 30), D(3, 2));

        var page = ReturnRateReport.Reads(new AnalyticsQuery(range, Dimension.Category), ["apparel", "shoes"]);
        var overall = ReturnRateReport.Reads(new AnalyticsQuery(range, Dimension.Overall), [""]);

        Assert.Equal(
            [new KeyRange("apparel\u00012026-01-30", "apparel\u00012026-02-01"), new KeyRange("shoes\u00012026-01-30", "shoes\u00012026-02-01"),
             new KeyRange("apparel\u00012026-03-01", "apparel\u00012026-03-03"), new KeyRange("shoes\u00012026-03-01", "shoes\u00012026-03-03")],
            page.Single(r => r.Name == "returns.by_category.day").Ranges);
        Assert.Equal([new KeyRange("apparel\u00012026-02", "apparel\u00012026-03"), new KeyRange("shoes\u00012026-02", "shoes\u00012026-03")],
            page.Single(r => r.Name == "returns.by_category.month").Ranges);
        Assert.Equal([new KeyRange("2026-01-30", "2026-02-01"), new KeyRange("2026-03-01", "2026-03-03")], overall.Single(r => r.Name == "returns.all.day").Ranges);
    }

    [Fact]
    public void Rates_add_day_and_month_rows_into_their_periods_per_group()
    {
        var query = new AnalyticsQuery(new DayRange(D(1, 31), D(3, 1)), Dimension.Category, Interval: Interval.Month);
        var reads = ReturnRateReport.Reads(query, ["apparel", "shoes", "toys"]);
        CounterRow Row(string name, string key, long value) => new(reads.Single(r => r.Name == name), key, value);

        var groups = ReturnRateReport.Build(query,
        [
            Row("returns.by_category.day", "apparel\u00012026-01-31", 1), Row("units_returned.by_category.day", "apparel\u00012026-01-31", 2),
            Row("units_sold.by_category.day", "apparel\u00012026-01-31", 8), Row("units_sold.by_category.month", "apparel\u00012026-02", 50),
            Row("returns.by_category.month", "apparel\u00012026-02", 3), Row("units_returned.by_category.month", "apparel\u00012026-02", 5),
            Row("units_sold.by_category.day", "shoes\u00012026-03-01", 4), Row("returns.by_category.day", "toys\u00012026-03-01", 0),
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
    public void A_page_holds_the_groups_after_the_page_before_whose_month_rows_show_in_the_range_in_key_order()
    {
        var query = new AnalyticsQuery(new DayRange(D(1, 30), D(3, 2)), Dimension.Sku);

        var scan = Assert.Single(GroupPage.Scans(query, [Measure.UnitsReturned], afterGroup: "ABC"));

        Assert.Equal("units_returned.by_sku.month", scan.Name);
        var from = Assert.Single(scan.Ranges).From;
        Assert.True(string.CompareOrdinal(from, CounterNames.GroupKey("ABC", D(12, 1), PeriodGrain.Month)) > 0);
        Assert.True(string.CompareOrdinal(from, CounterNames.GroupKey("ABC-1", D(1, 1), PeriodGrain.Month)) < 0);
        Assert.True(GroupPage.Shows(query, CounterNames.GroupKey("A", D(1, 1), PeriodGrain.Month), 1));
        Assert.True(GroupPage.Shows(query, CounterNames.GroupKey("A", D(3, 1), PeriodGrain.Month), 2));
        Assert.False(GroupPage.Shows(query, CounterNames.GroupKey("A", D(4, 1), PeriodGrain.Month), 2));
        Assert.False(GroupPage.Shows(query, CounterNames.GroupKey("A", D(2, 1), PeriodGrain.Month), 0));
        Assert.Equal(["ABC", "ABC-1", "B|2"], GroupPage.Merge([["ABC-1", "B|2", "C"], ["ABC", "ABC-1"]], 3));
    }

    [Fact]
    public void Reasons_rank_by_units_then_code_and_name_the_reason_whose_share_grew_most()
    {
        var query = new AnalyticsQuery(new DayRange(D(2, 1), D(2, 28)), Dimension.Overall);
        var reads = ReturnReasonsReport.Reads(query, [""]);
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
}
