using Grpc.Core;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using AnalyticsServiceBase = ReverseLogistics.V1.AnalyticsService.AnalyticsServiceBase;

namespace ReverseLogistics.Silo.Analytics;

/// <summary>reverselogistics.v1.AnalyticsService: return rates, reasons and centres' receiving from the counters every commit keeps (docs/analytics.md).</summary>
public sealed class AnalyticsService(AnalyticsDirectory directory, CenterMetricsScope centres) : AnalyticsServiceBase
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public override async Task<GetReturnRateResponse> GetReturnRate(GetReturnRateRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var query = AnalyticsMapper.Query(request.FirstDay, request.LastDay, request.GroupBy, request.Sku, request.Category, request.Interval, v);
        var (after, size) = Page(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();
        var tenantId = await directory.ScopeAsync(context.GetCaller(), request.TenantId, context.CancellationToken);

        var rows = await directory.ReadAsync(tenantId, ReturnRateReport.Reads(query), context.CancellationToken);
        var groups = ReturnRateReport.Build(query, rows).Where(g => after is null || string.CompareOrdinal(g.Group, after) > 0).Take(size + 1).ToList();
        var response = new GetReturnRateResponse();
        response.Groups.AddRange(groups.Take(size).Select(AnalyticsMapper.ToProto));
        if (groups.Count > size) response.NextPageToken = AnalyticsMapper.PageToken(groups[size - 1].Group);
        return response;
    }

    public override async Task<GetReturnReasonsResponse> GetReturnReasons(GetReturnReasonsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var query = AnalyticsMapper.Query(request.FirstDay, request.LastDay, request.GroupBy, request.Sku, request.Category, AnalyticsInterval.Unspecified, v);
        v.Require(request.Top is >= 0 and <= ReturnReasonsReport.MaxTop, "top", $"between 0 and {ReturnReasonsReport.MaxTop}");
        var (after, size) = Page(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();
        var tenantId = await directory.ScopeAsync(context.GetCaller(), request.TenantId, context.CancellationToken);

        var rows = await directory.ReadAsync(tenantId, ReturnReasonsReport.Reads(query), context.CancellationToken);
        var top = request.Top == 0 ? ReturnReasonsReport.DefaultTop : request.Top;
        var groups = ReturnReasonsReport.Build(query, rows, top).Where(g => after is null || string.CompareOrdinal(g.Group, after) > 0).Take(size + 1).ToList();
        var previous = query.Range.Preceding();
        var response = new GetReturnReasonsResponse { PreviousFirstDay = AnalyticsMapper.Day(previous.First), PreviousLastDay = AnalyticsMapper.Day(previous.Last) };
        response.Groups.AddRange(groups.Take(size).Select(AnalyticsMapper.ToProto));
        if (groups.Count > size) response.NextPageToken = AnalyticsMapper.PageToken(groups[size - 1].Group);
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

    private static (string? After, int Size) Page(int pageSize, string pageToken, Validator v)
    {
        v.Require(pageSize is >= 0 and <= MaxPageSize, "page_size", $"between 0 and {MaxPageSize}");
        return (AnalyticsMapper.AfterGroup(pageToken, v), pageSize == 0 ? DefaultPageSize : pageSize);
    }
}
