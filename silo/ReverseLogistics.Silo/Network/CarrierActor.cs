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

/// <summary>One carrier of the 3PL (key: <see cref="TenantIds.Platform"/> + carrier id); commits are published to the <see cref="NetworkSnapshot"/>.</summary>
public sealed class CarrierActor(NetworkSnapshot snapshot) : Actor<CarrierState>, IActor
{
    public static string TypeName => "carrier";

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    public Proto.Carrier Get() =>
        Exists ? NetworkMapper.ToProto(State.Carrier, State.CreatedAt, State.UpdatedAt) : throw new NotFoundException($"Carrier '{Key.Id}' not found.");

    public async Task<Proto.Carrier> CreateAsync(Carrier carrier, Caller caller, IdempotencyTicket ticket)
    {
        if (Exists) throw new AlreadyExistsException($"Carrier '{Key.Id}' already exists.");
        State.CreatedAt = Now;
        return await DefineAsync("CarrierCreated", carrier, caller, ticket);
    }

    public Task<Proto.Carrier> UpdateAsync(Carrier carrier, Caller caller, IdempotencyTicket ticket)
    {
        if (!Exists) throw new NotFoundException($"Carrier '{Key.Id}' not found.");
        return DefineAsync("CarrierUpdated", carrier, caller, ticket);
    }

    private async Task<Proto.Carrier> DefineAsync(string eventType, Carrier carrier, Caller caller, IdempotencyTicket ticket)
    {
        State.Carrier = carrier;
        State.UpdatedAt = Now;
        var response = NetworkMapper.ToProto(carrier, State.CreatedAt, State.UpdatedAt);
        await CommitAsync([new NewEvent(eventType, JsonSerializer.Serialize(carrier, DomainJson.Options), caller.AuditName, Now)],
            ticket.RecordProto(response, Now), []);
        snapshot.Apply(Key.Id, Version, State);
        return response;
    }
}
