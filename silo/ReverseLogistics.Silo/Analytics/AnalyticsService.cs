using Grpc.Core;
using Orleans;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using AnalyticsServiceBase = ReverseLogistics.V1.AnalyticsService.AnalyticsServiceBase;

namespace ReverseLogistics.Silo.Analytics;

/// <summary>reverselogistics.v1.AnalyticsService: return rates and reasons, resolution, dispositions, customer risk and centres' receiving from the counters every commit keeps (docs/analytics.md).</summary>
public sealed class AnalyticsService(AnalyticsDirectory directory, IGrainFactory grains, PlatformClock time, CenterMetricsScope centres) : AnalyticsServiceBase
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public override async Task<GetReturnRateResponse> GetReturnRate(GetReturnRateRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var query = AnalyticsMapper.Query(request.FirstDay, request.LastDay, request.GroupBy, request.Sku, request.Category, request.Interval, v);
        var (after, size) = Page(request.PageSize, request.PageToken, v);
        var order = AnalyticsMapper.OrderOf(request.OrderBy, v);
        if (order is not null) ReturnRateRanking.Check(query, request.PageToken.Length > 0, request.MinUnitsSold, v);
        else v.Require(request.MinUnitsSold == 0, "min_units_sold", "only with order_by");
        v.ThrowIfInvalid();
        var tenantId = await directory.ScopeAsync(context.GetCaller(), request.TenantId, context.CancellationToken);

        if (order is { } ranking) return await RankRateAsync(tenantId, query, ranking, request.MinUnitsSold, size, context.CancellationToken);
        var (page, last) = await directory.PageAsync(tenantId, query, ReturnRateReport.Presence, after, size, context.CancellationToken);
        var rows = await directory.ReadAsync(tenantId, ReturnRateReport.Reads(page), context.CancellationToken);
        var groups = After(ReturnRateReport.Build(page, rows), g => g.Group, after);
        return new GetReturnRateResponse { Groups = { groups.Select(AnalyticsMapper.ToProto) }, NextPageToken = NextPageToken(last) };
    }

    /// <summary>Every group of the range read at once (no page), ranked, the first <paramref name="size"/> kept: one page, no token.</summary>
    private async Task<GetReturnRateResponse> RankRateAsync(string? tenantId, AnalyticsQuery query, RateOrder order, long minUnitsSold, int size,
        CancellationToken cancellationToken)
    {
        var everyGroup = await directory.ReadAsync(tenantId, ReturnRateReport.Reads(query), cancellationToken);
        var top = ReturnRateRanking.Top(ReturnRateReport.Build(query, everyGroup), order, minUnitsSold, size);
        return new GetReturnRateResponse { Groups = { top.Select(AnalyticsMapper.ToProto) } };
    }

    public override async Task<GetReturnReasonsResponse> GetReturnReasons(GetReturnReasonsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var query = AnalyticsMapper.Query(request.FirstDay, request.LastDay, request.GroupBy, request.Sku, request.Category, AnalyticsInterval.Unspecified, v);
        v.Require(request.Top is >= 0 and <= ReturnReasonsReport.MaxTop, "top", $"between 0 and {ReturnReasonsReport.MaxTop}");
        var (after, size) = Page(request.PageSize, request.PageToken, v);
        var order = AnalyticsMapper.OrderOf(request.OrderBy, v);
        if (order is not null) GroupRanking.Check(query, request.PageToken.Length > 0, v);
        v.ThrowIfInvalid();
        var tenantId = await directory.ScopeAsync(context.GetCaller(), request.TenantId, context.CancellationToken);

        var top = request.Top == 0 ? ReturnReasonsReport.DefaultTop : request.Top;
        if (order is { } ranking) return await RankReasonsAsync(tenantId, query, ranking, top, size, context.CancellationToken);
        var (page, last) = await directory.PageAsync(tenantId, query, ReturnReasonsReport.Presence, after, size, context.CancellationToken);
        var rows = await directory.ReadAsync(tenantId, ReturnReasonsReport.Reads(page), context.CancellationToken);
        var response = ReasonsResponse(query, After(ReturnReasonsReport.Build(page, rows, top), g => g.Group, after));
        response.NextPageToken = NextPageToken(last);
        return response;
    }

    /// <summary>Every group of the range (and of the period before) read at once, ranked, the first <paramref name="size"/> kept: one page, no token.</summary>
    private async Task<GetReturnReasonsResponse> RankReasonsAsync(string? tenantId, AnalyticsQuery query, ReasonsOrder order, int top, int size,
        CancellationToken cancellationToken)
    {
        var everyGroup = await directory.ReadAsync(tenantId, ReturnReasonsReport.Reads(query), cancellationToken);
        return ReasonsResponse(query, ReturnReasonsRanking.Top(ReturnReasonsReport.Build(query, everyGroup, top), order, size));
    }

    private static GetReturnReasonsResponse ReasonsResponse(AnalyticsQuery query, IEnumerable<ReasonsGroup> groups)
    {
        var previous = query.Range.Preceding();
        return new GetReturnReasonsResponse
        {
            Groups = { groups.Select(AnalyticsMapper.ToProto) },
            PreviousFirstDay = AnalyticsMapper.Day(previous.First), PreviousLastDay = AnalyticsMapper.Day(previous.Last),
        };
    }

    public override async Task<GetResolutionMetricsResponse> GetResolutionMetrics(GetResolutionMetricsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var query = AnalyticsMapper.Query(request.FirstDay, request.LastDay, AnalyticsGrouping.Overall, "", "", request.Interval, v);
        v.ThrowIfInvalid();
        var tenantId = await directory.ScopeAsync(context.GetCaller(), request.TenantId, context.CancellationToken);

        var rows = await directory.ReadAsync(tenantId, ResolutionReport.Reads(query), context.CancellationToken);
        return OutcomesMapper.ToProto(ResolutionReport.Build(query, rows));
    }

    public override async Task<GetDispositionMixResponse> GetDispositionMix(GetDispositionMixRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var query = AnalyticsMapper.Query(request.FirstDay, request.LastDay, request.GroupBy, request.Sku, request.Category, AnalyticsInterval.Unspecified, v);
        var (after, size) = Page(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();
        var tenantId = await directory.ScopeAsync(context.GetCaller(), request.TenantId, context.CancellationToken);

        var (page, last) = await directory.PageAsync(tenantId, query, DispositionMixReport.Presence, after, size, context.CancellationToken);
        var rows = await directory.ReadAsync(tenantId, DispositionMixReport.Reads(page), context.CancellationToken);
        var groups = After(DispositionMixReport.Build(page, rows), g => g.Group, after);
        return new GetDispositionMixResponse { Groups = { groups.Select(OutcomesMapper.ToProto) }, NextPageToken = NextPageToken(last) };
    }

    public override async Task<GetCustomerRiskResponse> GetCustomerRisk(GetCustomerRiskRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var v = new Validator();
        v.Require(caller.Role != ApiKeyRole.Operator || request.TenantId.Length > 0, "tenant_id", "required for operators: the threshold is the merchant's policy");
        v.Require(request.PageSize is >= 0 and <= MaxPageSize, "page_size", $"between 0 and {MaxPageSize}");
        var after = OutcomesMapper.AfterCustomer(request.PageToken, v);
        v.ThrowIfInvalid();
        var tenantId = (await directory.ScopeAsync(caller, request.TenantId, context.CancellationToken))!;
        var rule = (await grains.ReturnPolicy(tenantId).GetAsync().WaitAsync(context.CancellationToken)).Policy.Fraud;
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var query = CustomerRiskReport.Query(rule, today, request.LastDay, request.WindowDays, request.MinReturns, v);
        v.ThrowIfInvalid();

        var size = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        var rows = await directory.ReadAsync(tenantId, [CustomerRiskReport.Reads(query)], context.CancellationToken);
        var customers = CustomerRiskReport.Build(query, rows)
            .Where(c => after is not { } last || CustomerRiskReport.IsAfter(c, last.Returns, last.Customer)).Take(size + 1).ToList();
        var response = new GetCustomerRiskResponse
        {
            FirstDay = AnalyticsMapper.Day(query.Window.First), LastDay = AnalyticsMapper.Day(query.Window.Last), MinReturns = query.MinReturns,
        };
        response.Customers.AddRange(customers.Take(size).Select(OutcomesMapper.ToProto));
        if (customers.Count > size) response.NextPageToken = OutcomesMapper.PageToken(customers[size - 1]);
        return response;
    }

    public override async Task<GetCenterMetricsResponse> GetCenterMetrics(GetCenterMetricsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var range = AnalyticsQuery.ParseRange(request.FirstDay, request.LastDay, v);
        v.Require(Enum.IsDefined(request.Interval), "interval", "unknown interval");
        v.Require(request.FulfillmentCenterId.Length == 0 || NetworkValidator.IsValidId(request.FulfillmentCenterId), "fulfillment_center_id",
            "a centre id: 2-40 upper-case letters, digits or hyphens");
        v.ThrowIfInvalid();
        var (centerIds, today) = await centres.ScopeAsync(request.FulfillmentCenterId, context.CancellationToken);

        var rows = await directory.ReadAsync(null, CenterMetricsReport.Reads(centerIds, range), context.CancellationToken);
        var response = new GetCenterMetricsResponse();
        response.Centers.AddRange(CenterMetricsReport.Build(centerIds, range, AnalyticsMapper.IntervalOf(request.Interval), today, rows).Select(AnalyticsMapper.ToProto));
        return response;
    }

    /// <summary>
    /// The groups after the page token's <paramref name="after"/>: a page of every group holds only those already; the one group
    /// asked for (or the whole business) is past the end once a token names it or a later one.
    /// </summary>
    private static IEnumerable<T> After<T>(IEnumerable<T> groups, Func<T, string> name, string? after) =>
        groups.Where(g => after is null || CounterNames.GroupOrder.Compare(name(g), after) > 0);

    private static string NextPageToken(string? lastGroup) => lastGroup is null ? "" : AnalyticsMapper.PageToken(lastGroup);

    private static (string? After, int Size) Page(int pageSize, string pageToken, Validator v)
    {
        v.Require(pageSize is >= 0 and <= MaxPageSize, "page_size", $"between 0 and {MaxPageSize}");
        return (AnalyticsMapper.AfterGroup(pageToken, v), pageSize == 0 ? DefaultPageSize : pageSize);
    }
}
