using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Network;

/// <summary>A carrier; every commit is published to this silo's <see cref="NetworkSnapshot"/>.</summary>
public sealed class CarrierGrain(IActorStore store, PlatformClock clock, NetworkSnapshot snapshot)
    : StoreGrain<CarrierState>(store, TypeName, clock), ICarrierGrain
{
    public const string TypeName = "carrier";

    public Task<CarrierState> GetAsync() =>
        Exists ? Task.FromResult(State) : throw new NotFoundException($"Carrier '{Key.Id}' not found.");

    public async Task<CarrierState> CreateAsync(Carrier carrier, Caller caller, IdempotencyTicket ticket)
    {
        if (Exists) throw new AlreadyExistsException($"Carrier '{Key.Id}' already exists.");
        State.CreatedAt = Now;
        return await DefineAsync("CarrierCreated", carrier, caller, ticket);
    }

    public Task<CarrierState> UpdateAsync(Carrier carrier, Caller caller, IdempotencyTicket ticket)
    {
        if (!Exists) throw new NotFoundException($"Carrier '{Key.Id}' not found.");
        return DefineAsync("CarrierUpdated", carrier, caller, ticket);
    }

    private async Task<CarrierState> DefineAsync(string eventType, Carrier carrier, Caller caller, IdempotencyTicket ticket)
    {
        State.Carrier = carrier;
        State.UpdatedAt = Now;
        await CommitAsync([Event(eventType, carrier, caller.AuditName)], ticket.Record(State, Now), []);
        snapshot.Apply(Key.Id, Version, State);
        return State;
    }
}
