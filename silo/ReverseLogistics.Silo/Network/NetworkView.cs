using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Routing;

namespace ReverseLogistics.Silo.Network;

/// <summary>One consistent, immutable state of the network: the router over it, its centres and contracts by id, and its carriers.</summary>
public sealed record NetworkView(
    ReturnRouter Router,
    IReadOnlyDictionary<string, FulfillmentCenter> Centers,
    IReadOnlyDictionary<string, TenantContract> Contracts,
    IReadOnlyList<Carrier> Carriers)
{
    public TenantContract? ContractOf(string tenantId) => Contracts.GetValueOrDefault(tenantId);
}
