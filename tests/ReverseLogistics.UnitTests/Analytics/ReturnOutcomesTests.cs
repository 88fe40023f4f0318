using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;
using static ReverseLogistics.Testing.Samples;
using static ReverseLogistics.UnitTests.Analytics.ReturnAnalyticsTests;

namespace ReverseLogistics.UnitTests.Analytics;

/// <summary>What a return contributes through the outcomes facet, worked out by hand from a record set up stage by stage.</summary>
public sealed class ReturnOutcomesTests
{
    private static readonly DateTime Approved = Now.AddHours(2);
    private static readonly DateTime Arrived = Now.AddDays(3);
    private static readonly DateTime Inspected = Arrived.AddHours(5);
    private static readonly DateTime Refunded = Inspected.AddMinutes(30);

    [Fact]
    public void A_refunded_return_counts_its_whole_duration_and_each_stage_in_their_buckets_on_the_refund_day_and_month()
    {
        var record = Resolved(refunded: true);

        var values = Values(record, "resolution_");

        var expected = new Dictionary<string, long>();
        foreach (var (grain, period) in new[] { ("day", "2026-11-25"), ("month", "2026-11") })
        {
            // 3 d 5 h 30 min = 77.5 h: the 6-hour bucket up to 78 h; 70 h in transit: up to 72 h.
            foreach (var (span, bound, seconds) in new[]
            {
                ("request_to_refund", 78 * 3600L, 279_000L), ("approval", 7200L, 7200L), ("in_transit", 72 * 3600L, 252_000L),
                ("awaiting_inspection", 18_000L, 18_000L), ("refund", 3600L, 1800L),
            })
            {
                expected[$"resolution_returns.all.{grain} {period}|{span}|{bound}"] = 1;
                expected[$"resolution_seconds.all.{grain} {period}|{span}"] = seconds;
            }
        }
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), values.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Dispositions_count_units_by_grade_and_the_refunded_and_recovered_value_per_group_on_their_own_day()
    {
        var record = Resolved(refunded: true);

        var values = Values(record, "disposition_");

        // 2 lines x 3 counters x 3 dimensions x 2 grains, less the scrapped line's 6 refunded values of 0, less the month's
        // recovered value of the whole business that both lines move.
        Assert.Equal(29, values.Count);
        Assert.Equal(2, values["disposition_units.all.day 2026-11-26|B|Restock"]);
        Assert.Equal(2, values["disposition_units.sku.month 2026-11|SKU-1|B|Restock"]);
        Assert.Equal(1, values["disposition_units.category.day 2026-11-27|shoes|Scrap|Recycle"]);
        // Line 0: 2 x 20.00 graded B, which the sample policy refunds in full: 40.00 before the restocking fee; restocked B
        // recovers 80 % of 40.00.
        Assert.Equal(40_00, values["disposition_value.sku.day 2026-11-26|SKU-1|USD|refunded"]);
        Assert.Equal(32_00, values["disposition_value.sku.day 2026-11-26|SKU-1|USD|recovered"]);
        Assert.Equal(32_60, values["disposition_value.all.month 2026-11|USD|recovered"]);
        // Line 1: scrap refunds nothing; recycled, 2 % of 30.00.
        Assert.Equal(60, values["disposition_value.category.day 2026-11-27|shoes|USD|recovered"]);
        Assert.False(values.ContainsKey("disposition_value.category.day 2026-11-27|shoes|USD|refunded"));
    }

    [Fact]
    public void Before_the_refund_a_return_has_no_duration_and_its_dispositions_no_refunded_value()
    {
        var unrefunded = Resolved(refunded: false);
        var refunded = Resolved(refunded: true);

        var moved = Contribution.Diff(ReturnAnalytics.Of(unrefunded), ReturnAnalytics.Of(refunded));

        Assert.Empty(Values(unrefunded, "resolution_"));
        Assert.Equal(20, moved.Count(d => d.Cell.Name.StartsWith("resolution_", StringComparison.Ordinal)));
        Assert.Equal(40_00, moved.Single(d => d.Cell == new CounterCell("disposition_value.sku.day", "2026-11-26|SKU-1|USD|refunded")).Delta);
        Assert.DoesNotContain(moved, d => d.Cell.Name.StartsWith("customer_returns", StringComparison.Ordinal) || d.Cell.Name.StartsWith("disposition_units", StringComparison.Ordinal));
    }

    [Fact]
    public void A_return_refunded_from_an_exception_before_arrival_measures_only_the_stages_it_went_through()
    {
        var record = Opened(Line());
        record.Rma.Timeline = [Entry(ReturnTrigger.Approve, Approved), Entry(ReturnTrigger.IssueRefund, Now.AddDays(10))];

        var values = Values(record, "resolution_returns.all.day");

        Assert.Equal(["2026-12-02|approval|7200", "2026-12-02|request_to_refund|864000"], values.Keys.Select(k => k.Split(' ')[1]).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(ReturnState.Cancelled)]
    [InlineData(ReturnState.Rejected)]
    public void Every_return_requested_counts_for_its_customer_on_its_request_day_whatever_became_of_it(ReturnState state)
    {
        var record = Opened(Line());
        record.Rma.State = state;

        var values = Values(record, "customer_returns");

        Assert.Equal([("customer_returns.by_customer CUST-9|2026-11-22", 1L), ("customer_returns.by_day 2026-11-22|CUST-9", 1L)],
            values.Select(v => (v.Key, v.Value)).OrderBy(v => v.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void A_return_stored_before_the_outcomes_facet_contributes_none_of_it_until_the_facet_is_listed()
    {
        var record = Resolved(refunded: true);
        record.AnalyticsFacets = [ReturnAnalytics.ReturnsFacet];
        var before = ReturnAnalytics.Of(record);
        record.AnalyticsFacets = [.. ReturnAnalytics.CurrentFacets];

        var moved = Contribution.Diff(before, ReturnAnalytics.Of(record));

        Assert.DoesNotContain(before.Values.Keys, c => c.Name.StartsWith("resolution_", StringComparison.Ordinal) || c.Name.StartsWith("customer_", StringComparison.Ordinal));
        Assert.Equal(20 + 29 + 2, moved.Count);
    }

    [Fact]
    public void Duration_buckets_are_hourly_to_two_days_then_coarser_and_the_last_holds_anything_longer()
    {
        const long hour = 3600, day = 24 * hour;

        Assert.Equal(48 + 20 + 23 + 9 + 1, DurationBuckets.Bounds.Count);
        Assert.Equal(
            [hour, hour, 2 * hour, 48 * hour, 54 * hour, 8 * day, 35 * day, 91 * day, 365 * day, 365 * day],
            new[] { 0, hour, hour + 1, 48 * hour, 48 * hour + 1, 7 * day + 1, 30 * day + 1, 91 * day, 91 * day + 1, 1000 * day }.Select(DurationBuckets.BoundOf));
    }

    [Fact]
    public void The_median_and_p90_are_the_bounds_of_the_buckets_holding_them_and_the_mean_is_exact()
    {
        var four = DurationBuckets.Summarize(new Dictionary<long, long> { [3600] = 1, [7200] = 2, [14_400] = 1 }, 30_002);
        var nineInTheFirst = DurationBuckets.Summarize(new Dictionary<long, long> { [3600] = 9, [86_400] = 1 }, 100_000);
        var eightInTheFirst = DurationBuckets.Summarize(new Dictionary<long, long> { [86_400] = 2, [3600] = 8 }, 100_000);

        Assert.Equal(new DurationSummary(4, 7200, 14_400, 7501), four); // 30,002 / 4 = 7,500.5, rounded up
        Assert.Equal(new DurationSummary(10, 3600, 3600, 10_000), nineInTheFirst);
        Assert.Equal(new DurationSummary(10, 3600, 86_400, 10_000), eightInTheFirst);
        Assert.Equal(DurationSummary.None, DurationBuckets.Summarize(new Dictionary<long, long>(), 0));
    }

    [Fact]
    public void The_recovery_table_prices_units_by_disposition_and_grade_rounding_half_away_from_zero()
    {
        Assert.Equal(100m, RecoveryTable.PercentFor(Disposition.Restock, InspectionGrade.A));
        Assert.Equal(80m, RecoveryTable.PercentFor(Disposition.Restock, InspectionGrade.B));
        Assert.Equal(0m, RecoveryTable.PercentFor(Disposition.Dispose, InspectionGrade.A));
        Assert.Equal(new Money(9_00, "EUR"), RecoveryTable.Recovered(new Money(19_99, "EUR"), 3, Disposition.Liquidate, InspectionGrade.C)); // 15 % of 59.97 = 8.9955
    }

    /// <summary>Requested at Now, approved 2 h later, arrived after 3 days, inspected 5 h after, refunded 30 min after that; line 0 restocked B on day 4, line 1 recycled as scrap on day 5.</summary>
    private static ReturnRecord Resolved(bool refunded)
    {
        var record = Opened(Line("SKU-1", "apparel", cents: 20_00, quantity: 2), Line("SKU-2", "shoes", cents: 30_00));
        record.Rma.Timeline = [Entry(ReturnTrigger.Approve, Approved), Entry(ReturnTrigger.InspectLine, Inspected), Entry(ReturnTrigger.CompleteInspection, Inspected)];
        if (refunded) record.Rma.Timeline.Add(Entry(ReturnTrigger.IssueRefund, Refunded));
        record.Receiving.ArrivedAt = Arrived;
        record.Receiving.Inspections[0] = new LineInspection(InspectionGrade.B, null, [], [], "device:FC/HH", Inspected);
        record.Receiving.Inspections[1] = new LineInspection(InspectionGrade.Scrap, null, [], [], "device:FC/HH", Inspected);
        record.Receiving.Dispositions[0] = new LineDisposition(Disposition.Restock, "SKU-1-B", 2, "device:FC/HH", Now.AddDays(4));
        record.Receiving.Dispositions[1] = new LineDisposition(Disposition.Recycle, null, 1, "device:FC/HH", Now.AddDays(5));
        record.Refund = RefundCalculator.Compute(Policy, Resolution.RefundToOriginalPayment,
            [new RefundLine(0, "apparel", Usd(20_00), 2, "wrong_size", InspectionGrade.B, []), new RefundLine(1, "shoes", Usd(30_00), 1, "wrong_size", InspectionGrade.Scrap, [])]);
        return record;
    }

    private static TimelineEntry Entry(ReturnTrigger trigger, DateTime at) => new(ReturnState.Requested, ReturnState.Requested, trigger, "system:test", at);

    private static Dictionary<string, long> Values(ReturnRecord record, string prefix) =>
        ReturnAnalytics.Of(record).Values.Where(v => v.Key.Name.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(v => $"{v.Key.Name} {v.Key.Key}", v => v.Value);
}
