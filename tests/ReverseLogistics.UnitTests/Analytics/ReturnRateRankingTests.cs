using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.UnitTests.Analytics;

/// <summary>Every group ranked by one figure of its range's total, highest first, equal ones by name.</summary>
public sealed class ReturnRateRankingTests
{
    private static readonly DayRange Quarter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));

    // In group order, as ReturnRateReport.Build gives them: rates 0.125, 0.3, 0.2, none, 0.05.
    private static readonly RateGroup[] Groups =
    [
        Group("A", returns: 3, unitsReturned: 5, unitsSold: 40),
        Group("B", returns: 1, unitsReturned: 3, unitsSold: 10),
        Group("C", returns: 3, unitsReturned: 4, unitsSold: 20),
        Group("D", returns: 2, unitsReturned: 2, unitsSold: 0),
        Group("E", returns: 1, unitsReturned: 5, unitsSold: 100),
    ];

    private static RateGroup Group(string name, long returns, long unitsReturned, long unitsSold) =>
        new(name, new RatePeriod(Quarter, returns, unitsReturned, unitsSold), []);

    [Theory]
    [InlineData(RateOrder.Returns, "A C D B E")]
    [InlineData(RateOrder.UnitsReturned, "A E C B D")]
    [InlineData(RateOrder.ReturnRate, "B C A E")]
    public void Groups_come_highest_first_and_equal_ones_in_group_order(RateOrder order, string expected)
    {
        var ranked = ReturnRateRanking.Top(Groups, order, minUnitsSold: 0, count: 10);

        Assert.Equal(expected, string.Join(' ', ranked.Select(g => g.Group)));
    }

    [Fact]
    public void Only_groups_that_sold_enough_are_ranked_and_only_as_many_as_asked()
    {
        var byRate = ReturnRateRanking.Top(Groups, RateOrder.ReturnRate, minUnitsSold: 20, count: 10);
        var topTwo = ReturnRateRanking.Top(Groups, RateOrder.Returns, minUnitsSold: 0, count: 2);
        var soldNothing = ReturnRateRanking.Top(Groups, RateOrder.Returns, minUnitsSold: 1, count: 10);

        Assert.Equal(["C", "A", "E"], byRate.Select(g => g.Group));
        Assert.Equal(["A", "C"], topTwo.Select(g => g.Group));
        Assert.DoesNotContain(soldNothing, g => g.Group == "D");
    }

    [Fact]
    public void A_ranking_is_of_every_group_by_the_ranges_totals_in_one_page()
    {
        var v = new Validator();
        ReturnRateRanking.Check(new AnalyticsQuery(Quarter, Dimension.Sku, "SKU-1", Interval.Month), paged: true, minUnitsSold: -1, v);
        var overall = new Validator();
        ReturnRateRanking.Check(new AnalyticsQuery(Quarter, Dimension.Overall), paged: false, minUnitsSold: 0, overall);
        var fine = new Validator();
        ReturnRateRanking.Check(new AnalyticsQuery(Quarter, Dimension.Category), paged: false, minUnitsSold: 5, fine);

        Assert.Equal(["interval", "min_units_sold", "page_token", "sku"], Fields(v));
        Assert.Equal(["group_by"], Fields(overall));
        fine.ThrowIfInvalid();
    }

    private static string[] Fields(Validator v) =>
        [.. Assert.Throws<InvalidInputException>(v.ThrowIfInvalid).Violations.Select(f => f.Field).Order(StringComparer.Ordinal)];
}
