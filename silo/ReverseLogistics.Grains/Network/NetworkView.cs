using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Routing;

namespace ReverseLogistics.Grains.Network;

/// <summary>One consistent, immutable state of the network: the router over it, its centres and contracts by id, and its carriers.</summary>
public sealed record NetworkView(
    ReturnRouter Router,
    IReadOnlyDictionary<string, FulfillmentCenter> Centers,
    IReadOnlyDictionary<string, TenantContract> Contracts,
    IReadOnlyList<Carrier> Carriers)
{
    public TenantContract? ContractOf(string tenantId) => Contracts.GetValueOrDefault(tenantId);

    /// <summary>A centre handhelds can belong to: one of the network's, or the default centre while the network has none.</summary>
    public bool HasCentre(string centerId) =>
        Centers.ContainsKey(centerId) || (Centers.Count == 0 && centerId == DefaultCentre.Destination.FulfillmentCenterId);
}
