using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Testing;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Analytics;

public sealed class ReturnAnalyticsTests
{
    [Fact]
    public void A_return_counts_once_per_day_month_category_and_sku_with_its_units_under_their_reasons()
    {
        var record = Opened(Line("SKU-1", "apparel", quantity: 2), Line("SKU-1", "apparel", quantity: 1, reason: "defective"),
            Line("SKU-2", "shoes", quantity: 1));
        record.AnalyticsFacets = [ReturnAnalytics.ReturnsFacet]; // the outcomes facet: ReturnOutcomesTests

        var values = ReturnAnalytics.Of(record).Values.ToDictionary(v => $"{v.Key.Name} {v.Key.Key}", v => v.Value);

        var expected = new Dictionary<string, long>();
        foreach (var (grain, period) in new[] { ("day", "2026-11-22"), ("month", "2026-11") })
        {
            expected[$"returns.all.{grain} {period}"] = 1;
            expected[$"returns.category.{grain} {period}|apparel"] = 1;
            expected[$"returns.category.{grain} {period}|shoes"] = 1;
            expected[$"returns.sku.{grain} {period}|SKU-1"] = 1;
            expected[$"returns.sku.{grain} {period}|SKU-2"] = 1;
            expected[$"reasons.all.{grain} {period}|wrong_size"] = 3;
            expected[$"reasons.all.{grain} {period}|defective"] = 1;
            expected[$"reasons.category.{grain} {period}|apparel|wrong_size"] = 2;
            expected[$"reasons.category.{grain} {period}|apparel|defective"] = 1;
            expected[$"reasons.category.{grain} {period}|shoes|wrong_size"] = 1;
            expected[$"reasons.sku.{grain} {period}|SKU-1|wrong_size"] = 2;
            expected[$"reasons.sku.{grain} {period}|SKU-1|defective"] = 1;
            expected[$"reasons.sku.{grain} {period}|SKU-2|wrong_size"] = 1;
        }
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), values.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void A_line_found_ineligible_returns_no_units()
    {
        var record = Opened(Line("SKU-1", quantity: 2), Line("SKU-FINAL", quantity: 5));

        var values = ReturnAnalytics.Of(record).Values;

        Assert.Equal(2, values[new("reasons.all.day", "2026-11-22|wrong_size")]);
        Assert.DoesNotContain(values.Keys, cell => cell.Key.Contains("SKU-FINAL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ReturnState.Cancelled)]
    [InlineData(ReturnState.Rejected)]
    [InlineData(ReturnState.Expired)]
    public void A_return_cancelled_rejected_or_expired_counts_for_nothing_so_its_commit_takes_back_what_it_added(ReturnState state)
    {
        var record = Opened(Line());
        record.AnalyticsFacets = [ReturnAnalytics.ReturnsFacet]; // the outcomes facet still counts the customer's request
        var counted = ReturnAnalytics.Of(record);
        record.Rma.State = state;

        Assert.Empty(ReturnAnalytics.Of(record).Values);
        Assert.All(Contribution.Diff(counted, ReturnAnalytics.Of(record)), d => Assert.Equal(-counted.Values[d.Cell], d.Delta));
    }

    [Fact]
    public void A_return_stored_before_analytics_counts_only_once_its_facets_are_listed()
    {
        var record = Opened(Line());
        record.AnalyticsFacets = [];

        Assert.Empty(ReturnAnalytics.Of(record).Values);
        record.AnalyticsFacets = [ReturnAnalytics.ReturnsFacet];
        Assert.NotEmpty(ReturnAnalytics.Of(record).Values);
    }

    [Fact]
    public void The_same_return_in_later_states_contributes_the_same()
    {
        var record = Opened(Line(quantity: 2));
        var before = ReturnAnalytics.Of(record);
        record.Rma.State = ReturnState.Refunded;
        record.UpdatedAt = Now.AddDays(40);

        Assert.Empty(Contribution.Diff(before, ReturnAnalytics.Of(record)));
    }

    internal static ReturnRecord Opened(params ReturnLine[] lines)
    {
        var request = Request(lines);
        var eligibility = ReturnEligibility.Check(Policy, request, Now, CustomerHistory.None);
        var rma = new Return("r-1", new ReturnRecord());
        rma.Open(new ReturnDraft(request, "Jane Doe", false, Policy, eligibility, "Acme"), Now);
        return rma.Record;
    }
}
