using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Receiving;

public sealed class CenterInventoryGrain(IActorStore store, PlatformClock clock)
    : StoreGrain<InventoryLedger>(store, TypeName, clock), ICenterInventoryGrain
{
    public const string TypeName = "centre-inventory";
    public const int ArrivalDays = 14;

    public async Task SyncAsync(string tenantId, string returnId, DateTime? arrivedAt, IReadOnlyList<InventoryUnit> units)
    {
        var events = new List<NewEvent>();
        if (arrivedAt is { } arrived && State.RecordArrival(tenantId, returnId, arrived))
            events.Add(Event("ParcelArrived", new { TenantId = tenantId, ReturnId = returnId }, "system:inventory"));
        foreach (var unit in units.Where(State.Record))
            events.Add(Event("UnitsRecorded", unit, "system:inventory"));
        if (events.Count > 0) await CommitAsync(events);
    }

    public Task<InventoryPage> ListAsync(string? tenantId, string? sku, Disposition? disposition, string? afterKey, int limit) =>
        Task.FromResult(new InventoryPage(
            State.Summarize(tenantId, sku, disposition, afterKey, limit),
            [.. State.ArrivalsPerDay(Now, ArrivalDays).Select(a => new DailyArrivals(a.Day, a.Parcels))]));
}
