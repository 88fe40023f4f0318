using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Network;

/// <summary>A merchant's network contract; every commit is published to this silo's <see cref="NetworkSnapshot"/>.</summary>
public sealed class TenantContractGrain(IActorStore store, PlatformClock clock, NetworkSnapshot snapshot)
    : StoreGrain<TenantContractState>(store, TypeName, clock), ITenantContractGrain
{
    public const string TypeName = "tenant-contract";

    public Task<TenantContractState> GetAsync() =>
        State.Contract is not null ? Task.FromResult(State) : throw new NotFoundException($"Tenant '{Key.Id}' has no network contract.");

    public async Task<TenantContractState> SetAsync(TenantContract contract, Caller caller, IdempotencyTicket ticket)
    {
        State.Contract = contract;
        State.UpdatedAt = Now;
        await CommitAsync([Event("TenantContractSet", contract, caller.AuditName)], ticket.Record(State, Now), []);
        snapshot.Apply(Key.Id, Version, State);
        return State;
    }
}
