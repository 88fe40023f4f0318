using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Receiving;

namespace ReverseLogistics.Grains.Receiving;

/// <summary>
/// A fulfilment centre's returned units and arrivals (key: platform tenant / centre id). It is brought up to
/// date from each handheld answer about a return; recording a return line or an arrival again changes nothing,
/// so retries keep it consistent with the returns.
/// </summary>
public interface ICenterInventoryGrain : IGrainWithStringKey
{
    /// <summary>Records the return's arrival (if it has arrived) and its disposed units.</summary>
    Task SyncAsync(string tenantId, string returnId, DateTime? arrivedAt, IReadOnlyList<InventoryUnit> units);

    /// <summary>Up to <paramref name="limit"/> rows after <paramref name="afterKey"/>, with the parcels that arrived per day.</summary>
    [ReadOnly]
    Task<InventoryPage> ListAsync(string? tenantId, string? sku, Disposition? disposition, string? afterKey, int limit);
}
