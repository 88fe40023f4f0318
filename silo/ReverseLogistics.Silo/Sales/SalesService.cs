using Grpc.Core;
using Orleans;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Sales;
using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.V1;
using SkuSales = ReverseLogistics.Domain.Sales.SkuSales;
using SalesServiceBase = ReverseLogistics.V1.SalesService.SalesServiceBase;

namespace ReverseLogistics.Silo.Sales;

/// <summary>reverselogistics.v1.SalesService: the units a merchant sold per SKU and day, the return rate's denominator (docs/analytics.md).</summary>
public sealed class SalesService(IGrainFactory grains, IdempotentRequests idempotency, PlatformClock time) : SalesServiceBase
{
    public override async Task<ReportSalesResponse> ReportSales(ReportSalesRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var day = SalesDay.ParseDay(request.Day, time.GetUtcNow().UtcDateTime, v);
        var sales = request.Sales.Select(s => new SkuSales(s.Sku, s.Category, s.UnitsSold)).ToList();
        SalesDay.Validate(sales, v);
        v.ThrowIfInvalid();
        var result = await idempotency.RunAsync(context, request.RequestId, request,
            (caller, ticket) => grains.SalesDay(caller.TenantId, day).ReportAsync(sales, caller, ticket));
        return new ReportSalesResponse
        {
            Day = request.Day,
            SkusReported = result.SkusReported,
            UnitsReported = result.UnitsReported,
            SkusOnDay = result.SkusOnDay,
            UnitsOnDay = result.UnitsOnDay,
        };
    }
}
