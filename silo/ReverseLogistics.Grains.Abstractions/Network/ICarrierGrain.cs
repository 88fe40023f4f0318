using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Network;

/// <summary>One carrier of the 3PL (key: platform tenant / carrier id).</summary>
public interface ICarrierGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<CarrierState> GetAsync();

    Task<CarrierState> CreateAsync(Carrier carrier, Caller caller, IdempotencyTicket ticket);

    Task<CarrierState> UpdateAsync(Carrier carrier, Caller caller, IdempotencyTicket ticket);
}
