using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Network;

/// <summary>
/// The network contract of one merchant (key: <see cref="TenantIds.Platform"/> + merchant tenant id): the
/// 3PL's agreement, so it lives with the network rather than with the merchant's own data.
/// </summary>
public sealed class TenantContractActor(NetworkSnapshot snapshot) : Actor<TenantContractState>, IActor
{
    public static string TypeName => "tenant-contract";

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    public Proto.TenantContract Get() =>
        State.Contract is { } contract
            ? NetworkMapper.ToProto(contract, State.UpdatedAt)
            : throw new NotFoundException($"Tenant '{Key.Id}' has no network contract.");

    public async Task<Proto.TenantContract> SetAsync(TenantContract contract, Caller caller, IdempotencyTicket ticket)
    {
        State.Contract = contract;
        State.UpdatedAt = Now;
        var response = NetworkMapper.ToProto(contract, State.UpdatedAt);
        await CommitAsync([new NewEvent("TenantContractSet", JsonSerializer.Serialize(contract, DomainJson.Options), caller.AuditName, Now)],
            ticket.RecordProto(response, Now), []);
        snapshot.Apply(Key.Id, Version, State);
        return response;
    }
}
