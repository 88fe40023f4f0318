using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.V1;

namespace ReverseLogistics.FunctionalTests.Analytics;

/// <summary>
/// GetReturnRate and GetReturnReasons over gRPC on the known history of <see cref="AnalyticsWorld"/>, on each store:
/// exact rates and shares worked out by hand, the edges of ranges and periods, tenants kept apart, bad input named.
/// </summary>
public abstract class AnalyticsServiceTests(AnalyticsWorld world)
{
    private PlatformClient Client => world.Client;

    private async Task<GetReturnRateResponse> RateAsync(string first, string last, AnalyticsInterval interval = AnalyticsInterval.Unspecified,
        AnalyticsGrouping groupBy = AnalyticsGrouping.Overall, string sku = "", string category = "", CallOptions? caller = null, string tenantId = "",
        int pageSize = 0, string pageToken = "", ReturnRateOrder orderBy = ReturnRateOrder.Unspecified, long minUnitsSold = 0)
    {
        Skip.If(world.SkipReason is not null, world.SkipReason);
        return await Client.Analytics.GetReturnRateAsync(new GetReturnRateRequest
        {
            FirstDay = first, LastDay = last, Interval = interval, GroupBy = groupBy, Sku = sku, Category = category, TenantId = tenantId,
            PageSize = pageSize, PageToken = pageToken, OrderBy = orderBy, MinUnitsSold = minUnitsSold,
        }, caller ?? world.MerchantA);
    }

    private static ReturnRatePeriod Period(string first, string last, long returns, long unitsReturned, long unitsSold)
    {
        var period = new ReturnRatePeriod { FirstDay = first, LastDay = last, Returns = returns, UnitsReturned = unitsReturned, UnitsSold = unitsSold };
        if (unitsSold > 0) period.ReturnRate = (double)unitsReturned / unitsSold;
        return period;
    }

    [SkippableFact]
    public async Task A_quarter_by_month_reads_the_month_figures_and_their_rates()
    {
        var rate = await RateAsync("2026-01-01", "2026-03-31", AnalyticsInterval.Month);

        var overall = Assert.Single(rate.Groups);
        Assert.Equal("", overall.Group);
        Assert.Equal(Period("2026-01-01", "2026-03-31", 6, 11, 140), overall.Total);
        Assert.Equal(
            [Period("2026-01-01", "2026-01-31", 3, 5, 40), Period("2026-02-01", "2026-02-28", 2, 5, 80), Period("2026-03-01", "2026-03-31", 1, 1, 20)],
            overall.Periods);
        Assert.Equal([0.125, 0.0625, 0.05], overall.Periods.Select(p => p.ReturnRate));
    }

    [SkippableFact]
    public async Task Months_cut_at_the_ranges_ends_add_up_the_days_there()
    {
        var rate = await RateAsync("2026-01-31", "2026-03-01", AnalyticsInterval.Month);

        var overall = Assert.Single(rate.Groups);
        Assert.Equal(Period("2026-01-31", "2026-03-01", 4, 7, 110), overall.Total);
        Assert.Equal(
            [Period("2026-01-31", "2026-01-31", 1, 1, 10), Period("2026-02-01", "2026-02-28", 2, 5, 80), Period("2026-03-01", "2026-03-01", 1, 1, 20)],
            overall.Periods);
    }

    [SkippableFact]
    public async Task Weeks_run_monday_to_sunday_and_a_week_without_sales_has_no_rate()
    {
        var rate = await RateAsync("2026-01-28", "2026-02-15", AnalyticsInterval.Week);

        var overall = Assert.Single(rate.Groups);
        Assert.Equal(
            [Period("2026-01-28", "2026-02-01", 4, 8, 80), Period("2026-02-02", "2026-02-08", 0, 0, 0), Period("2026-02-09", "2026-02-15", 1, 2, 40)],
            overall.Periods);
        Assert.False(overall.Periods[1].HasReturnRate);
        Assert.Equal(Period("2026-01-28", "2026-02-15", 5, 10, 120), overall.Total);
    }

    [SkippableFact]
    public async Task One_sku_by_day_counts_each_return_once_and_a_cancelled_return_not_at_all()
    {
        var rate = await RateAsync("2026-01-30", "2026-02-01", AnalyticsInterval.Day, AnalyticsGrouping.Sku, sku: "SKU-1");

        var sku = Assert.Single(rate.Groups);
        Assert.Equal("SKU-1", sku.Group);
        Assert.Equal(
            [Period("2026-01-30", "2026-01-30", 2, 3, 10), Period("2026-01-31", "2026-01-31", 1, 1, 10), Period("2026-02-01", "2026-02-01", 0, 0, 30)],
            sku.Periods);
        Assert.Equal(Period("2026-01-30", "2026-02-01", 3, 4, 50), sku.Total);
    }

    [SkippableFact]
    public async Task Categories_and_skus_are_grouped_in_order_of_name_and_paged()
    {
        var categories = await RateAsync("2026-01-01", "2026-03-31", groupBy: AnalyticsGrouping.Category);
        var firstPage = await RateAsync("2026-01-01", "2026-03-31", groupBy: AnalyticsGrouping.Sku, pageSize: 2);
        var lastPage = await RateAsync("2026-01-01", "2026-03-31", groupBy: AnalyticsGrouping.Sku, pageSize: 2, pageToken: firstPage.NextPageToken);

        Assert.Equal([("apparel", Period("2026-01-01", "2026-03-31", 5, 8, 80)), ("shoes", Period("2026-01-01", "2026-03-31", 2, 3, 60))],
            categories.Groups.Select(g => (g.Group, g.Total)));
        Assert.Empty(categories.Groups[0].Periods);
        Assert.Equal([("SKU-1", Period("2026-01-01", "2026-03-31", 4, 5, 70)), ("SKU-2", Period("2026-01-01", "2026-03-31", 2, 3, 60))],
            firstPage.Groups.Select(g => (g.Group, g.Total)));
        Assert.NotEmpty(firstPage.NextPageToken);
        Assert.Equal([("SKU-3", Period("2026-01-01", "2026-03-31", 1, 3, 10))], lastPage.Groups.Select(g => (g.Group, g.Total)));
        Assert.Empty(lastPage.NextPageToken);
    }

    [SkippableFact]
    public async Task Skus_and_categories_ranked_by_returns_units_or_rate_come_highest_first_in_one_page()
    {
        const string first = "2026-01-01", last = "2026-03-31";
        var byReturns = await RateAsync(first, last, groupBy: AnalyticsGrouping.Sku, orderBy: ReturnRateOrder.Returns);
        var byUnits = await RateAsync(first, last, groupBy: AnalyticsGrouping.Sku, orderBy: ReturnRateOrder.UnitsReturned);
        var byRate = await RateAsync(first, last, groupBy: AnalyticsGrouping.Sku, orderBy: ReturnRateOrder.ReturnRate);
        var soldTwenty = await RateAsync(first, last, groupBy: AnalyticsGrouping.Sku, orderBy: ReturnRateOrder.ReturnRate, minUnitsSold: 20);
        var topOne = await RateAsync(first, last, groupBy: AnalyticsGrouping.Sku, orderBy: ReturnRateOrder.Returns, pageSize: 1);
        var categories = await RateAsync(first, last, groupBy: AnalyticsGrouping.Category, orderBy: ReturnRateOrder.ReturnRate);

        // SKU-1: 4 returns, 5 of 70 units back (0.071); SKU-2: 2, 3 of 60 (0.05); SKU-3: 1, 3 of 10 (0.3). Equal units: by name.
        Assert.Equal([("SKU-1", Period(first, last, 4, 5, 70)), ("SKU-2", Period(first, last, 2, 3, 60)), ("SKU-3", Period(first, last, 1, 3, 10))],
            byReturns.Groups.Select(g => (g.Group, g.Total)));
        Assert.Equal(["SKU-1", "SKU-2", "SKU-3"], byUnits.Groups.Select(g => g.Group));
        Assert.Equal(["SKU-3", "SKU-1", "SKU-2"], byRate.Groups.Select(g => g.Group));
        Assert.Equal(["SKU-1", "SKU-2"], soldTwenty.Groups.Select(g => g.Group));
        Assert.Equal(["SKU-1"], topOne.Groups.Select(g => g.Group));
        Assert.Empty(topOne.NextPageToken);
        Assert.Equal([("apparel", 0.1), ("shoes", 0.05)], categories.Groups.Select(g => (g.Group, g.Total.ReturnRate)));
        Assert.All(byReturns.Groups.Concat(categories.Groups), g => Assert.Empty(g.Periods));
    }

    [SkippableFact]
    public async Task A_sku_without_returns_or_sales_in_the_range_reads_as_zeros()
    {
        var rate = await RateAsync("2026-01-01", "2026-01-29", groupBy: AnalyticsGrouping.Sku, sku: "SKU-1");

        Assert.Equal(("SKU-1", Period("2026-01-01", "2026-01-29", 0, 0, 0)), (rate.Groups.Single().Group, rate.Groups.Single().Total));
    }

    [SkippableFact]
    public async Task Reasons_give_the_top_reasons_shares_and_the_one_that_grew_most_against_the_month_before()
    {
        Skip.If(world.SkipReason is not null, world.SkipReason);
        var reasons = await Client.Analytics.GetReturnReasonsAsync(
            new GetReturnReasonsRequest { FirstDay = "2026-02-01", LastDay = "2026-02-28", Top = 1 }, world.MerchantA);

        Assert.Equal(("2026-01-04", "2026-01-31"), (reasons.PreviousFirstDay, reasons.PreviousLastDay));
        var overall = Assert.Single(reasons.Groups);
        Assert.Equal((5L, 2L, 5L), (overall.UnitsReturned, overall.OtherUnits, overall.PreviousUnitsReturned));
        Assert.Equal([new ReasonShare { ReasonCode = "not_as_described", Units = 3, Share = 0.6 }], overall.Reasons);
        Assert.Equal(new ReasonGrowth { ReasonCode = "not_as_described", Share = 0.6, PreviousShare = 0 }, overall.FastestGrowing);
    }

    [SkippableFact]
    public async Task Reasons_of_one_category_with_no_returns_before_name_no_growth()
    {
        Skip.If(world.SkipReason is not null, world.SkipReason);
        var reasons = await Client.Analytics.GetReturnReasonsAsync(new GetReturnReasonsRequest
        {
            FirstDay = "2026-01-30", LastDay = "2026-01-31", GroupBy = AnalyticsGrouping.Category, Category = "apparel",
        }, world.MerchantA);

        var apparel = Assert.Single(reasons.Groups);
        Assert.Equal(("apparel", 4L, 0L, 0L), (apparel.Group, apparel.UnitsReturned, apparel.OtherUnits, apparel.PreviousUnitsReturned));
        Assert.Equal([("wrong_size", 3L, 0.75), ("changed_mind", 1L, 0.25)], apparel.Reasons.Select(r => (r.ReasonCode, r.Units, r.Share)));
        Assert.Null(apparel.FastestGrowing);
    }

    [SkippableFact]
    public async Task Reasons_ranked_by_units_returned_or_their_growth_come_highest_first_each_with_its_reasons()
    {
        Skip.If(world.SkipReason is not null, world.SkipReason);
        Task<GetReturnReasonsResponse> RankedAsync(AnalyticsGrouping groupBy, ReturnReasonsOrder order, int pageSize = 0) =>
            Client.Analytics.GetReturnReasonsAsync(new GetReturnReasonsRequest
            {
                FirstDay = "2026-02-01", LastDay = "2026-03-01", GroupBy = groupBy, OrderBy = order, PageSize = pageSize,
            }, world.MerchantA).ResponseAsync;

        var skus = await RankedAsync(AnalyticsGrouping.Sku, ReturnReasonsOrder.UnitsReturned);
        var skusGrowing = await RankedAsync(AnalyticsGrouping.Sku, ReturnReasonsOrder.Growth);
        var topOne = await RankedAsync(AnalyticsGrouping.Sku, ReturnReasonsOrder.UnitsReturned, pageSize: 1);
        var categories = await RankedAsync(AnalyticsGrouping.Category, ReturnReasonsOrder.UnitsReturned);
        var categoriesGrowing = await RankedAsync(AnalyticsGrouping.Category, ReturnReasonsOrder.Growth);

        // 29 days from 2026-02-01 against 2026-01-03..31 (R5 cancelled): SKU-3 3 units (0 before), SKU-2 2 (1), SKU-1 1 (4);
        // apparel 4 (4), shoes 2 (1).
        Assert.Equal(("2026-01-03", "2026-01-31"), (skus.PreviousFirstDay, skus.PreviousLastDay));
        Assert.Equal([("SKU-3", 3L, 0L), ("SKU-2", 2L, 1L), ("SKU-1", 1L, 4L)], skus.Groups.Select(g => (g.Group, g.UnitsReturned, g.PreviousUnitsReturned)));
        Assert.Equal([("not_as_described", 3L, 1.0)], skus.Groups[0].Reasons.Select(r => (r.ReasonCode, r.Units, r.Share)));
        Assert.Equal([("wrong_item", 1L, 1.0)], skus.Groups[2].Reasons.Select(r => (r.ReasonCode, r.Units, r.Share)));
        Assert.Equal(["SKU-3", "SKU-2"], skusGrowing.Groups.Select(g => g.Group));
        Assert.Equal(["SKU-3"], topOne.Groups.Select(g => g.Group));
        Assert.Empty(topOne.NextPageToken);
        Assert.Equal([("apparel", 4L), ("shoes", 2L)], categories.Groups.Select(g => (g.Group, g.UnitsReturned)));
        Assert.Equal(["shoes"], categoriesGrowing.Groups.Select(g => g.Group));
    }

    [SkippableFact]
    public async Task Each_merchant_reads_its_own_figures_and_the_operator_one_merchants_or_all_together()
    {
        var mine = await RateAsync("2026-01-30", "2026-01-30");
        var theirs = await RateAsync("2026-01-30", "2026-01-30", caller: world.MerchantB);
        var operatorForB = await RateAsync("2026-01-30", "2026-01-30", caller: world.Operator, tenantId: world.TenantB);
        var everyone = await RateAsync("2026-01-30", "2026-01-30", caller: world.Operator);
        var notMine = await Assert.ThrowsAsync<RpcException>(() => RateAsync("2026-01-30", "2026-01-30", tenantId: world.TenantB));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => RateAsync("2026-01-30", "2026-01-30", caller: world.Operator, tenantId: "t-nobody"));

        Assert.Equal(Period("2026-01-30", "2026-01-30", 2, 4, 30), mine.Groups.Single().Total);
        Assert.Equal(Period("2026-01-30", "2026-01-30", 1, 5, 100), theirs.Groups.Single().Total);
        Assert.Equal(theirs, operatorForB);
        Assert.Equal(Period("2026-01-30", "2026-01-30", 3, 9, 130), everyone.Groups.Single().Total);
        Assert.Equal(["tenant_id"], Fields(notMine));
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [SkippableFact]
    public async Task Bad_ranges_groupings_enums_and_pages_are_refused_naming_each_field()
    {
        var badDays = await Assert.ThrowsAsync<RpcException>(() => RateAsync("2026-13-01", "2026-03"));
        var backwards = await Assert.ThrowsAsync<RpcException>(() => RateAsync("2026-03-02", "2026-03-01"));
        var tooLong = await Assert.ThrowsAsync<RpcException>(() => RateAsync("2026-01-01", "2029-01-01"));
        var mismatched = await Assert.ThrowsAsync<RpcException>(() =>
            RateAsync("2026-01-01", "2026-01-31", groupBy: AnalyticsGrouping.Category, sku: "SKU-1", pageSize: 1001, pageToken: "not a token"));
        var unknownEnums = await Assert.ThrowsAsync<RpcException>(() =>
            RateAsync("2026-01-01", "2026-01-31", (AnalyticsInterval)99, (AnalyticsGrouping)99));
        var token = (await RateAsync("2026-01-01", "2026-03-31", groupBy: AnalyticsGrouping.Sku, pageSize: 1)).NextPageToken;
        var badRanking = await Assert.ThrowsAsync<RpcException>(() => RateAsync("2026-01-01", "2026-01-31", AnalyticsInterval.Month,
            AnalyticsGrouping.Sku, sku: "SKU-1", pageToken: token, orderBy: ReturnRateOrder.Returns, minUnitsSold: -1));
        var rankingOverall = await Assert.ThrowsAsync<RpcException>(() => RateAsync("2026-01-01", "2026-01-31", orderBy: ReturnRateOrder.ReturnRate));
        var unknownOrder = await Assert.ThrowsAsync<RpcException>(() => RateAsync("2026-01-01", "2026-01-31", orderBy: (ReturnRateOrder)9));
        var minSoldByName = await Assert.ThrowsAsync<RpcException>(() =>
            RateAsync("2026-01-01", "2026-01-31", groupBy: AnalyticsGrouping.Sku, minUnitsSold: 10));
        var badTop = await Assert.ThrowsAsync<RpcException>(() => Client.Analytics.GetReturnReasonsAsync(
            new GetReturnReasonsRequest { FirstDay = "2026-01-01", LastDay = "2026-01-31", Top = 101 }, world.MerchantA).ResponseAsync);
        var badReasonsRanking = await Assert.ThrowsAsync<RpcException>(() => Client.Analytics.GetReturnReasonsAsync(new GetReturnReasonsRequest
        {
            FirstDay = "2026-01-01", LastDay = "2026-01-31", GroupBy = AnalyticsGrouping.Category, Category = "apparel", PageToken = token,
            OrderBy = ReturnReasonsOrder.UnitsReturned,
        }, world.MerchantA).ResponseAsync);
        var reasonsRankingOverall = await Assert.ThrowsAsync<RpcException>(() => Client.Analytics.GetReturnReasonsAsync(
            new GetReturnReasonsRequest { FirstDay = "2026-01-01", LastDay = "2026-01-31", OrderBy = ReturnReasonsOrder.Growth }, world.MerchantA).ResponseAsync);
        var unknownReasonsOrder = await Assert.ThrowsAsync<RpcException>(() => Client.Analytics.GetReturnReasonsAsync(
            new GetReturnReasonsRequest { FirstDay = "2026-01-01", LastDay = "2026-01-31", OrderBy = (ReturnReasonsOrder)9 }, world.MerchantA).ResponseAsync);

        Assert.Equal(["first_day", "last_day"], Fields(badDays));
        Assert.Equal(["last_day"], Fields(backwards));
        Assert.Equal(["last_day"], Fields(tooLong));
        Assert.Equal(["page_size", "page_token", "sku"], Fields(mismatched).Order(StringComparer.Ordinal));
        Assert.Equal(["interval", "min_units_sold", "page_token", "sku"], Fields(badRanking).Order(StringComparer.Ordinal));
        Assert.Equal(["group_by"], Fields(rankingOverall));
        Assert.Equal(["order_by"], Fields(unknownOrder));
        Assert.Equal(["min_units_sold"], Fields(minSoldByName));
        Assert.Equal(["top"], Fields(badTop));
        Assert.Equal(["category", "page_token"], Fields(badReasonsRanking).Order(StringComparer.Ordinal));
        Assert.Equal(["group_by"], Fields(reasonsRankingOverall));
        Assert.Equal(["order_by"], Fields(unknownReasonsOrder));
        Assert.Equal(["group_by", "interval"], Fields(unknownEnums).Order(StringComparer.Ordinal));
    }

    [SkippableFact]
    public async Task Handhelds_read_no_analytics()
    {
        Skip.If(world.SkipReason is not null, world.SkipReason);
        var handheld = await Support.Handhelds.NewHandheldAsync(Client, AnalyticsWorld.OperatorKey);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.Analytics.GetReturnRateAsync(
            new GetReturnRateRequest { FirstDay = "2026-01-01", LastDay = "2026-01-31" }, handheld).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    private static List<string> Fields(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field)];
    }
}

public sealed class EmbeddedAnalyticsServiceTests(EmbeddedAnalyticsWorld world) : AnalyticsServiceTests(world), IClassFixture<EmbeddedAnalyticsWorld>;

public sealed class PostgresAnalyticsServiceTests(PostgresAnalyticsWorld world) : AnalyticsServiceTests(world), IClassFixture<PostgresAnalyticsWorld>;
