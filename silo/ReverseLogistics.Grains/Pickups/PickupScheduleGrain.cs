using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Pickups;

public sealed class PickupScheduleGrain(IActorStore store, PlatformClock clock)
    : StoreGrain<PickupScheduleState>(store, TypeName, clock), IPickupScheduleGrain
{
    public const string TypeName = "pickup-schedule";

    public Task<PickupScheduleState?> GetAsync() => Task.FromResult(Exists ? State : null);

    public async Task<PickupScheduleState> CreateAsync(PickupSchedule schedule, Caller caller, IdempotencyTicket ticket)
    {
        if (Exists) throw new AlreadyExistsException($"Pickup schedule '{Key.Id}' already exists.");
        (State.Schedule, State.Status, State.CreatedAt) = (schedule, PickupScheduleStatus.Active, Now);
        return await CommitAsync("PickupScheduleCreated", schedule, caller, ticket);
    }

    public Task<PickupScheduleState> SetStatusAsync(PickupScheduleStatus status, Caller caller, IdempotencyTicket ticket)
    {
        if (!Exists) throw new NotFoundException($"Pickup schedule '{Key.Id}' not found.");
        State.Status = status;
        return CommitAsync(status == PickupScheduleStatus.Paused ? "PickupSchedulePaused" : "PickupScheduleResumed", new { Status = status }, caller, ticket);
    }

    private async Task<PickupScheduleState> CommitAsync(string eventType, object data, Caller caller, IdempotencyTicket ticket)
    {
        var now = Now;
        State.UpdatedAt = now;
        await CommitAsync([Event(eventType, data, caller.AuditName)], ticket.Record(State, now), []);
        return State;
    }
}
