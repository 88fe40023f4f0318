using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.V1;

namespace ReverseLogistics.FunctionalTests.Analytics;

/// <summary>
/// GetResolutionMetrics, GetDispositionMix and GetCustomerRisk over gRPC on the history of <see cref="OutcomesWorld"/>, on
/// each store, and the fraud rule reading the same counters: figures worked out by hand, tenants kept apart, bad input named.
/// </summary>
public abstract class OutcomesServiceTests(OutcomesWorld world)
{
    private const long Hour = 3600;

    private PlatformClient Client => world.Client;

    private Task<GetResolutionMetricsResponse> ResolutionAsync(string first, string last, AnalyticsInterval interval = AnalyticsInterval.Unspecified,
        CallOptions? caller = null, string tenantId = "")
    {
        Skip.If(world.SkipReason is not null, world.SkipReason);
        return Client.Analytics.GetResolutionMetricsAsync(
            new GetResolutionMetricsRequest { FirstDay = first, LastDay = last, Interval = interval, TenantId = tenantId }, caller ?? world.MerchantA).ResponseAsync;
    }

    private Task<GetDispositionMixResponse> MixAsync(string first, string last, AnalyticsGrouping groupBy = AnalyticsGrouping.Overall, string sku = "",
        string category = "", CallOptions? caller = null, string tenantId = "", int pageSize = 0, string pageToken = "")
    {
        Skip.If(world.SkipReason is not null, world.SkipReason);
        return Client.Analytics.GetDispositionMixAsync(new GetDispositionMixRequest
        {
            FirstDay = first, LastDay = last, GroupBy = groupBy, Sku = sku, Category = category, TenantId = tenantId, PageSize = pageSize, PageToken = pageToken,
        }, caller ?? world.MerchantA).ResponseAsync;
    }

    private Task<GetCustomerRiskResponse> RiskAsync(string lastDay = "", int windowDays = 0, int minReturns = 0, CallOptions? caller = null,
        string tenantId = "", int pageSize = 0, string pageToken = "")
    {
        Skip.If(world.SkipReason is not null, world.SkipReason);
        return Client.Analytics.GetCustomerRiskAsync(new GetCustomerRiskRequest
        {
            LastDay = lastDay, WindowDays = windowDays, MinReturns = minReturns, TenantId = tenantId, PageSize = pageSize, PageToken = pageToken,
        }, caller ?? world.MerchantA).ResponseAsync;
    }

    private static DurationSummary Summary(long count, long median, long p90, long mean) =>
        new() { Count = count, MedianSeconds = median, P90Seconds = p90, MeanSeconds = mean };

    private static StageDuration Stage(ResolutionStage stage, DurationSummary duration) => new() { Stage = stage, Duration = duration };

    [SkippableFact]
    public async Task Resolution_gives_each_stage_of_the_returns_refunded_in_the_range_at_the_bounds_of_their_buckets()
    {
        var metrics = await ResolutionAsync("2026-03-01", "2026-03-31");

        var total = metrics.Total;
        Assert.Equal(("2026-03-01", "2026-03-31"), (total.FirstDay, total.LastDay));
        // R1 took 27 h, R2 84 h: the median is R1's bucket, p90 R2's; the mean is exact.
        Assert.Equal(Summary(2, 27 * Hour, 84 * Hour, (27 + 84) * Hour / 2), total.RequestToRefund);
        Assert.Equal(
        [
            Stage(ResolutionStage.Approval, Summary(2, Hour, 6 * Hour, 3 * Hour)), // auto-approved at once (the 1-hour bucket), and after 6 h
            Stage(ResolutionStage.InTransit, Summary(2, 24 * Hour, 66 * Hour, 45 * Hour)),
            Stage(ResolutionStage.AwaitingInspection, Summary(2, 3 * Hour, 12 * Hour, 7 * Hour + 1800)),
            Stage(ResolutionStage.Refund, Summary(2, Hour, Hour, 0)), // issued on inspection
        ], total.Stages);
        Assert.Empty(metrics.Periods);
    }

    [SkippableFact]
    public async Task Resolution_by_day_puts_each_return_on_the_day_of_its_refund_and_a_range_after_r1_sees_r2_alone()
    {
        var byDay = await ResolutionAsync("2026-03-03", "2026-03-05", AnalyticsInterval.Day);
        var afterR1 = await ResolutionAsync("2026-03-04", "2026-04-30", AnalyticsInterval.Month);
        var acrossMonths = await ResolutionAsync("2026-02-27", "2026-03-05", AnalyticsInterval.Day); // a query per month

        Assert.Equal([("2026-03-03", 1L, 27 * Hour), ("2026-03-04", 0L, 0L), ("2026-03-05", 1L, 84 * Hour)],
            byDay.Periods.Select(p => (p.FirstDay, p.RequestToRefund.Count, p.RequestToRefund.MeanSeconds)));
        Assert.Equal(Summary(1, 84 * Hour, 84 * Hour, 84 * Hour), afterR1.Total.RequestToRefund);
        Assert.Equal([("2026-03-04", "2026-03-31", 1L), ("2026-04-01", "2026-04-30", 0L)],
            afterR1.Periods.Select(p => (p.FirstDay, p.LastDay, p.RequestToRefund.Count)));
        Assert.Equal(7, acrossMonths.Periods.Count);
        Assert.Equal([("2026-03-03", 1L), ("2026-03-05", 1L)],
            acrossMonths.Periods.Where(p => p.RequestToRefund.Count > 0).Select(p => (p.FirstDay, p.RequestToRefund.Count)));
    }

    [SkippableFact]
    public async Task The_disposition_mix_counts_units_by_grade_and_disposition_and_what_they_recover_against_what_was_refunded()
    {
        var mix = await MixAsync("2026-03-01", "2026-03-31");

        var overall = Assert.Single(mix.Groups);
        Assert.Equal(("", 3L), (overall.Group, overall.Units));
        Assert.Equal(
            [
                new DispositionCell { Grade = InspectionGrade.A, Disposition = Disposition.Restock, Units = 1 },
                new DispositionCell { Grade = InspectionGrade.B, Disposition = Disposition.Liquidate, Units = 2 },
            ], overall.Cells);
        // Refunded in full (A and B refund 100 % by default): 50.00 + 300.00. Recovered: restock A 100 % of 50.00, liquidate B 25 % of 300.00.
        var usd = Assert.Single(overall.Values);
        Assert.Equal((35000L, 12500L, "USD", "USD"), (usd.Refunded.MinorUnits, usd.Recovered.MinorUnits, usd.Refunded.CurrencyCode, usd.Recovered.CurrencyCode));
        Assert.Equal(125.0 / 350, usd.RecoveryRate);
    }

    [SkippableFact]
    public async Task Dispositions_are_grouped_by_sku_and_category_paged_and_counted_on_the_day_they_were_recorded()
    {
        var firstPage = await MixAsync("2026-03-01", "2026-03-31", AnalyticsGrouping.Sku, pageSize: 1);
        var lastPage = await MixAsync("2026-03-01", "2026-03-31", AnalyticsGrouping.Sku, pageSize: 1, pageToken: firstPage.NextPageToken);
        var shoes = await MixAsync("2026-03-01", "2026-03-31", AnalyticsGrouping.Category, category: "shoes");
        var afterRestock = await MixAsync("2026-03-05", "2026-03-06");
        var beforeAny = await MixAsync("2026-03-01", "2026-03-03");

        Assert.Equal([("SKU-1", 1L, 5000L)], firstPage.Groups.Select(g => (g.Group, g.Units, g.Values.Single().Recovered.MinorUnits)));
        Assert.Equal([("SKU-2", 2L, 7500L)], lastPage.Groups.Select(g => (g.Group, g.Units, g.Values.Single().Recovered.MinorUnits)));
        Assert.Empty(lastPage.NextPageToken);
        Assert.Equal([("shoes", 2L)], shoes.Groups.Select(g => (g.Group, g.Units)));
        Assert.Equal([(InspectionGrade.B, Disposition.Liquidate, 2L)], afterRestock.Groups.Single().Cells.Select(c => (c.Grade, c.Disposition, c.Units)));
        var nothing = Assert.Single(beforeAny.Groups);
        Assert.Equal((0L, 0, 0), (nothing.Units, nothing.Cells.Count, nothing.Values.Count));
    }

    [SkippableFact]
    public async Task Customer_risk_lists_customers_at_the_fraud_rules_threshold_with_cancelled_returns_counted()
    {
        var risk = await RiskAsync(lastDay: "2026-03-10");
        var everyone = await RiskAsync(lastDay: "2026-03-10", minReturns: 1);
        var shortWindow = await RiskAsync(lastDay: "2026-03-04", windowDays: 3, minReturns: 1, pageSize: 1);
        var nextPage = await RiskAsync(lastDay: "2026-03-04", windowDays: 3, minReturns: 1, pageSize: 1, pageToken: shortWindow.NextPageToken);
        var today = await RiskAsync();

        // More than 2 returns in 30 days: at least 3 in the 30 days before 2026-03-10 and that day.
        Assert.Equal(("2026-02-08", "2026-03-10", 3), (risk.FirstDay, risk.LastDay, risk.MinReturns));
        Assert.Equal([("serial", 4L, "2026-03-02", "2026-03-05")], risk.Customers.Select(c => (c.CustomerReference, c.Returns, c.FirstReturnDay, c.LastReturnDay)));
        Assert.Equal([("serial", 4L), ("once", 1L)], everyone.Customers.Select(c => (c.CustomerReference, c.Returns)));
        Assert.Equal([("serial", 3L)], shortWindow.Customers.Select(c => (c.CustomerReference, c.Returns)));
        Assert.Equal([("once", 1L)], nextPage.Customers.Select(c => (c.CustomerReference, c.Returns)));
        Assert.Empty(nextPage.NextPageToken);
        Assert.Equal(("2026-02-04", "2026-03-06"), (today.FirstDay, today.LastDay));
    }

    [SkippableFact]
    public void The_fraud_rule_sends_a_customers_next_return_to_review_from_the_same_counters()
    {
        Skip.If(world.SkipReason is not null, world.SkipReason);

        Assert.Equal(ReturnStatus.ManualReview, world.FifthOfSerial.Status);
        Assert.Contains(world.FifthOfSerial.Decision.Reasons, r => r.Code == "FRAUD_THRESHOLD_EXCEEDED");
        Assert.Equal(ReturnStatus.LabelIssued, world.OnlyOfOnce.Status);
    }

    [SkippableFact]
    public async Task Each_merchant_reads_its_own_outcomes_and_the_operator_one_merchants_or_all_but_risk_only_of_one()
    {
        var theirMix = await MixAsync("2026-03-01", "2026-03-31", caller: world.MerchantB);
        var everyonesMix = await MixAsync("2026-03-01", "2026-03-31", caller: world.Operator);
        var everyonesResolution = await ResolutionAsync("2026-03-01", "2026-03-31", caller: world.Operator);
        var theirRisk = await RiskAsync(lastDay: "2026-03-10", minReturns: 4, caller: world.Operator, tenantId: world.TenantB);
        var mine = await RiskAsync(lastDay: "2026-03-10", minReturns: 4, caller: world.Operator, tenantId: world.TenantA);
        var unnamed = await Assert.ThrowsAsync<RpcException>(() => RiskAsync(caller: world.Operator));
        var notMine = await Assert.ThrowsAsync<RpcException>(() => RiskAsync(tenantId: world.TenantB));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => RiskAsync(caller: world.Operator, tenantId: "t-nobody"));

        Assert.Equal((0L, 0), (theirMix.Groups.Single().Units, theirMix.Groups.Single().Values.Count));
        Assert.Equal(3L, everyonesMix.Groups.Single().Units);
        Assert.Equal(2L, everyonesResolution.Total.RequestToRefund.Count);
        Assert.Equal([("serial", 4L, "2026-03-02", "2026-03-02")], theirRisk.Customers.Select(c => (c.CustomerReference, c.Returns, c.FirstReturnDay, c.LastReturnDay)));
        Assert.Equal([("serial", 4L, "2026-03-02", "2026-03-05")], mine.Customers.Select(c => (c.CustomerReference, c.Returns, c.FirstReturnDay, c.LastReturnDay)));
        Assert.Equal(["tenant_id"], Fields(unnamed));
        Assert.Equal(["tenant_id"], Fields(notMine));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task Bad_fields_are_refused_naming_each()
    {
        var backwards = await Assert.ThrowsAsync<RpcException>(() => ResolutionAsync("2026-03-02", "2026-03-01"));
        var mismatched = await Assert.ThrowsAsync<RpcException>(() =>
            MixAsync("2026-03-01", "2026-03-31", AnalyticsGrouping.Category, sku: "SKU-1", pageSize: 1001, pageToken: "not a token"));
        var badRisk = await Assert.ThrowsAsync<RpcException>(() => RiskAsync(lastDay: "2026-02-30", windowDays: 367, minReturns: -1, pageToken: "not a token"));

        Assert.Equal(["last_day"], Fields(backwards));
        Assert.Equal(["page_size", "page_token", "sku"], Fields(mismatched).Order(StringComparer.Ordinal));
        Assert.Equal(["page_token"], Fields(badRisk)); // page and tenant are checked before the policy is read
        var badWindow = await Assert.ThrowsAsync<RpcException>(() => RiskAsync(lastDay: "2026-02-30", windowDays: 367, minReturns: -1));
        Assert.Equal(["last_day", "min_returns", "window_days"], Fields(badWindow).Distinct().Order(StringComparer.Ordinal));
    }

    private static List<string> Fields(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field)];
    }
}

public sealed class EmbeddedOutcomesServiceTests(EmbeddedOutcomesWorld world) : OutcomesServiceTests(world), IClassFixture<EmbeddedOutcomesWorld>;

public sealed class PostgresOutcomesServiceTests(PostgresOutcomesWorld world) : OutcomesServiceTests(world), IClassFixture<PostgresOutcomesWorld>;
