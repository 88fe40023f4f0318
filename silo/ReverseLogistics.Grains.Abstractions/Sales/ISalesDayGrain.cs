using Orleans;
using ReverseLogistics.Domain.Sales;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Sales;

/// <summary>
/// A merchant's sales on one UTC day (key: tenant / "YYYY-MM-DD"): the latest units sold reported per SKU, and the
/// units-sold counters they contribute to the merchant's analytics (docs/analytics.md).
/// </summary>
public interface ISalesDayGrain : IGrainWithStringKey
{
    /// <summary>Replaces the figures of the SKUs listed; a SKU reported again is corrected, not added to.</summary>
    Task<SalesReportResult> ReportAsync(IReadOnlyList<SkuSales> sales, Caller caller, IdempotencyTicket ticket);
}
