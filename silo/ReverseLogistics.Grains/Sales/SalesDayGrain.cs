using System.Globalization;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Sales;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Sales;

/// <summary>
/// One merchant's sales day. Its commit moves the units-sold counters by what the report changed (new figure less the
/// one it replaces), in the same transaction as the figures and the request's record.
/// </summary>
public sealed class SalesDayGrain(IActorStore store, PlatformClock clock) : StoreGrain<SalesDayState>(store, TypeName, clock), ISalesDayGrain
{
    public const string TypeName = "sales-day";

    protected override Contribution CountersOf(SalesDayState state) => SalesAnalytics.Of(state);

    public async Task<SalesReportResult> ReportAsync(IReadOnlyList<SkuSales> sales, Caller caller, IdempotencyTicket ticket)
    {
        var day = DateOnly.ParseExact(Key.Id, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var result = new SalesDay(State).Report(day, sales, Now);
        await CommitAsync([], ticket.Record(result, Now));
        return result;
    }
}
