using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Grains;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Receiving;

/// <summary>
/// A centre's inventory and arrivals, read from the counters each return's commit moves (docs/analytics.md): one key
/// range of the centre, of one merchant or of all; nothing is written on the handheld path besides the return itself.
/// </summary>
public sealed class InventoryDirectory(IActorStore store, PlatformClock time)
{
    public async Task<(IReadOnlyList<InventoryRow> Rows, IReadOnlyList<(DateOnly Day, long Parcels)> Arrivals)> ListAsync(
        string centerId, string? tenantId, string? sku, Disposition? disposition, string? afterKey, int limit, CancellationToken cancellationToken)
    {
        var centre = KeyRange.Prefix(CenterCounters.Prefix(centerId));
        var (first, last) = InventoryListing.ArrivalWindow(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        var arrivalDays = CenterCounters.Days(centerId, new DayRange(first, last));
        var units = ReadAsync(new CounterQuery(tenantId, CenterCounters.Inventory, [new CounterRange(centre.From, centre.To)]),
            c => InventoryKey.Row(c.TenantId, c.Key, checked((int)c.Value)), cancellationToken);
        var arrivals = ReadAsync(new CounterQuery(null, CenterCounters.Arrivals, [new CounterRange(arrivalDays.From, arrivalDays.To)]),
            c => (CenterCounters.ParseDayKey(c.Key).Day, c.Value), cancellationToken);
        return (InventoryListing.Page(await units, sku, disposition, afterKey, limit), InventoryListing.Arrivals(await arrivals));
    }

    private async Task<List<T>> ReadAsync<T>(CounterQuery query, Func<CounterValue, T> map, CancellationToken cancellationToken)
    {
        var found = new List<T>();
        await foreach (var counter in store.ReadAllCountersAsync(query, cancellationToken)) found.Add(map(counter));
        return found;
    }
}
