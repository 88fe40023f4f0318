using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;

namespace ReverseLogistics.UnitTests.Analytics;

/// <summary>The resolution, disposition and customer-risk reports from counter rows as the store would give them, figures worked out by hand.</summary>
public sealed class OutcomeReportsTests
{
    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Fact]
    public void Resolution_reads_day_rows_at_the_ends_and_month_rows_between_and_adds_them_into_their_periods()
    {
        var query = new AnalyticsQuery(new DayRange(D(1, 31), D(3, 1)), Dimension.Overall, Interval: Interval.Month);
        var reads = ResolutionReport.Reads(query);
        CounterRow Row(string name, string key, long value) => new(reads.Single(r => r.Name == name), key, value);

        var metrics = ResolutionReport.Build(query,
        [
            Row("resolution_returns.all.day", "2026-01-31|request_to_refund|3600", 1), Row("resolution_seconds.all.day", "2026-01-31|request_to_refund", 1000),
            Row("resolution_returns.all.month", "2026-02|request_to_refund|7200", 2), Row("resolution_seconds.all.month", "2026-02|request_to_refund", 10_000),
            Row("resolution_returns.all.day", "2026-03-01|request_to_refund|172800", 1), Row("resolution_seconds.all.day", "2026-03-01|request_to_refund", 172_000),
            Row("resolution_returns.all.day", "2026-03-01|approval|3600", 1), Row("resolution_seconds.all.day", "2026-03-01|approval", 600),
        ]);

        Assert.Equal([new KeyRange("2026-01-31", "2026-02-01"), new KeyRange("2026-03-01", "2026-03-02")], reads.Single(r => r.Name == "resolution_returns.all.day").Ranges);
        Assert.Equal([new KeyRange("2026-02", "2026-03")], reads.Single(r => r.Name == "resolution_seconds.all.month").Ranges);
        // Four returns: the 2nd shortest is in the 2-hour bucket, the 4th (p90: ceil(3.6)) in the 48-hour one; 183,000 s / 4.
        Assert.Equal(new DurationSummary(4, 7200, 172_800, 45_750), metrics.Total.RequestToRefund);
        Assert.Equal(new DurationSummary(1, 3600, 3600, 600), metrics.Total.Spans[(int)ResolutionSpan.Approval]);
        Assert.Equal(DurationSummary.None, metrics.Total.Spans[(int)ResolutionSpan.InTransit]);
        Assert.Equal([(D(1, 31), 1L, 1000L), (D(2, 1), 2L, 5000L), (D(3, 1), 1L, 172_000L)],
            metrics.Periods.Select(p => (p.Period.First, p.RequestToRefund.Count, p.RequestToRefund.MeanSeconds)));
        Assert.Equal(D(2, 28), metrics.Periods[1].Period.Last);
    }

    [Fact]
    public void Resolution_by_day_reads_day_rows_only_and_a_range_without_refunds_reads_as_nothing_measured()
    {
        var query = new AnalyticsQuery(new DayRange(D(2, 1), D(2, 28)), Dimension.Overall, Interval: Interval.Day);

        var reads = ResolutionReport.Reads(query);
        var metrics = ResolutionReport.Build(query, []);

        Assert.All(reads, r => Assert.Equal(PeriodGrain.Day, r.Grain));
        Assert.Equal(28, metrics.Periods.Count);
        Assert.All(metrics.Total.Spans, s => Assert.Equal(DurationSummary.None, s));
    }

    [Fact]
    public void Resolution_buckets_and_customers_are_read_a_calendar_month_per_query_and_the_rate_in_one()
    {
        var query = new AnalyticsQuery(new DayRange(D(1, 30), D(3, 2)), Dimension.Overall, Interval: Interval.Day);

        var read = ResolutionReport.Reads(query).Single(r => r.Name == "resolution_returns.all.day");

        Assert.Equal([new KeyRange("2026-01-30", "2026-03-03")], ReturnRateReport.Reads(query).Single(r => r.Name == "returns.all.day").Ranges);

        Assert.Equal([new KeyRange("2026-01-30", "2026-02-01"), new KeyRange("2026-02-01", "2026-03-01"), new KeyRange("2026-03-01", "2026-03-03")], read.Ranges);
        Assert.False(read.Narrow);
        Assert.Equal([new KeyRange("2026-02-20", "2026-03-01"), new KeyRange("2026-03-01", "2026-03-06")],
            CustomerRiskReport.Reads(new RiskQuery(new DayRange(D(2, 20), D(3, 5)), MinReturns: 2)).Ranges);
    }

    [Fact]
    public void The_disposition_mix_groups_cells_by_grade_then_disposition_and_values_by_currency()
    {
        var query = new AnalyticsQuery(new DayRange(D(1, 31), D(2, 28)), Dimension.Sku);
        var reads = DispositionMixReport.Reads(query);
        CounterRow Row(string name, string key, long value) => new(reads.Single(r => r.Name == name), key, value);

        var groups = DispositionMixReport.Build(query,
        [
            Row("disposition_units.sku.day", "2026-01-31|SKU-1|B|Restock", 2),
            Row("disposition_units.sku.month", "2026-02|SKU-1|B|Liquidate", 1),
            Row("disposition_units.sku.month", "2026-02|SKU-1|A|Restock", 3),
            Row("disposition_units.sku.month", "2026-02|SKU-2|Scrap|Dispose", 1),
            Row("disposition_value.sku.month", "2026-02|SKU-1|USD|refunded", 100_00),
            Row("disposition_value.sku.month", "2026-02|SKU-1|USD|recovered", 80_00),
            Row("disposition_value.sku.month", "2026-02|SKU-1|EUR|recovered", 5_00),
            Row("disposition_value.sku.day", "2026-01-31|SKU-1|USD|refunded", 20_00),
            Row("disposition_value.sku.month", "2026-02|SKU-3|USD|refunded", 0),
        ]);

        Assert.Equal(["SKU-1", "SKU-2"], groups.Select(g => g.Group));
        var sku1 = groups[0];
        Assert.Equal(6, sku1.Units);
        Assert.Equal([new(InspectionGrade.A, Disposition.Restock, 3), new(InspectionGrade.B, Disposition.Restock, 2), new DispositionCell(InspectionGrade.B, Disposition.Liquidate, 1)],
            sku1.Cells);
        Assert.Equal([new RecoveryValue("EUR", 0, 5_00), new RecoveryValue("USD", 120_00, 80_00)], sku1.Values);
        Assert.Equal([null, 80.0 / 120], sku1.Values.Select(v => v.Rate));
        Assert.Equal(("SKU-2", 1L), (groups[1].Group, groups[1].Units));
        Assert.Equal([new DispositionCell(InspectionGrade.Scrap, Disposition.Dispose, 1)], groups[1].Cells);
        Assert.Empty(groups[1].Values);
    }

    [Fact]
    public void One_category_reads_its_key_prefixes_and_is_answered_even_without_dispositions()
    {
        var query = new AnalyticsQuery(new DayRange(D(1, 30), D(1, 31)), Dimension.Category, "apparel");
        var reads = DispositionMixReport.Reads(query);

        var groups = DispositionMixReport.Build(query, [new(reads[0], "2026-01-30|apparely|A|Restock", 4)]);

        Assert.Equal([new KeyRange("2026-01-30|apparel|", "2026-01-30|apparel}"), new KeyRange("2026-01-31|apparel|", "2026-01-31|apparel}")], reads[0].Ranges);
        var apparel = Assert.Single(groups);
        Assert.Equal(("apparel", 0L), (apparel.Group, apparel.Units));
    }

    [Fact]
    public void Customers_at_the_threshold_are_listed_most_returns_first_with_their_first_and_last_day_in_the_window()
    {
        var query = new RiskQuery(new DayRange(D(3, 1), D(3, 7)), MinReturns: 2);
        var read = CustomerRiskReport.Reads(query);
        CounterRow Row(string key, long value) => new(read, key, value);

        var customers = CustomerRiskReport.Build(query,
        [
            Row("2026-03-01|alice", 1), Row("2026-03-02|bob", 1), Row("2026-03-03|carol", 1), Row("2026-03-04|dave", 3),
            Row("2026-03-05|alice", 2), Row("2026-03-06|carol", 1), Row("2026-03-08|bob", 5), Row("2026-03-07|erin", 0),
        ]);

        Assert.Equal([new KeyRange("2026-03-01", "2026-03-08")], read.Ranges);
        Assert.Equal(
            [new CustomerRisk("alice", 3, D(3, 1), D(3, 5)), new CustomerRisk("dave", 3, D(3, 4), D(3, 4)), new CustomerRisk("carol", 2, D(3, 3), D(3, 6))],
            customers);
        Assert.Equal(["carol"], customers.Where(c => CustomerRiskReport.IsAfter(c, 3, "dave")).Select(c => c.CustomerReference));
    }

    [Fact]
    public void Risk_defaults_come_from_the_fraud_rule_its_window_being_the_lookback_days_before_the_last_day_and_that_day()
    {
        var rule = new FraudRule { LookbackDays = 90, MaxReturns = 5 };
        var v = new Validator();

        var defaults = CustomerRiskReport.Query(rule, D(3, 10), "", 0, 0, v);
        var chosen = CustomerRiskReport.Query(rule, D(3, 10), "2026-02-28", 7, 2, v);
        v.ThrowIfInvalid();

        Assert.Equal(new RiskQuery(new DayRange(new DateOnly(2025, 12, 10), D(3, 10)), 6), defaults);
        Assert.Equal(new RiskQuery(new DayRange(D(2, 22), D(2, 28)), 2), chosen);
        Assert.Equal(new DayRange(new DateOnly(2025, 12, 10), D(3, 10)), CustomerRiskReport.FraudWindow(rule, D(3, 10)));
        Assert.Equal(new KeyRange("a%7Cb|2026-03-01", "a%7Cb|2026-03-03"), CustomerRiskReport.History("a|b", new DayRange(D(3, 1), D(3, 2))));
    }

    [Fact]
    public void Bad_risk_fields_and_defaults_a_policy_without_fraud_rule_cannot_give_are_named()
    {
        var v = new Validator();
        CustomerRiskReport.Query(new FraudRule(), D(3, 10), "2026-02-30", 0, 0, v);
        var w = new Validator();
        CustomerRiskReport.Query(new FraudRule { LookbackDays = 30, MaxReturns = 2 }, D(3, 10), "", int.MaxValue, -1, w);
        var x = new Validator();
        CustomerRiskReport.Query(new FraudRule { LookbackDays = 30, MaxReturns = 2 }, D(3, 10), "", -5, 1_000_001, x);

        Assert.Equal(["last_day", "min_returns", "window_days"], Fields(v));
        Assert.Equal(["min_returns", "window_days"], Fields(w));
        Assert.Equal(["min_returns", "window_days"], Fields(x));
    }

    private static List<string> Fields(Validator v)
    {
        var error = Assert.Throws<InvalidInputException>(v.ThrowIfInvalid);
        return [.. error.Violations.Select(f => f.Field).Distinct().Order(StringComparer.Ordinal)];
    }
}
