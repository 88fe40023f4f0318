using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Network;

/// <summary>
/// The network contract of one merchant (key: platform tenant / merchant tenant id): the 3PL's agreement,
/// so it lives with the network rather than with the merchant's own data.
/// </summary>
public interface ITenantContractGrain : IGrainWithStringKey
{
    /// <summary>The contract; NOT_FOUND when none was set.</summary>
    [ReadOnly]
    Task<TenantContractState> GetAsync();

    Task<TenantContractState> SetAsync(TenantContract contract, Caller caller, IdempotencyTicket ticket);
}
