using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Policies;

/// <summary>A merchant's return policy (key: tenant id / <see cref="Id"/>). Returns read it when they are checked and priced.</summary>
public interface IReturnPolicyGrain : IGrainWithStringKey
{
    const string Id = "policy";

    /// <summary>The policy in force: the merchant's own, or the platform default.</summary>
    [ReadOnly]
    Task<PolicySnapshot> GetAsync();

    Task<PolicySnapshot> ReplaceAsync(ReturnPolicy policy, Caller caller, IdempotencyTicket ticket);
}
