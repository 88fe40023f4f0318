using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>
/// One recurring pickup of the 3PL (key: <see cref="TenantIds.Platform"/> + schedule id): its definition and
/// whether it runs. Its Quartz trigger follows this state (<see cref="Scheduling.PickupScheduleTriggers"/>).
/// </summary>
public sealed class PickupScheduleActor : Actor<PickupScheduleState>, IActor
{
    public static string TypeName => "pickup-schedule";

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>The stored state, or null when the schedule does not exist.</summary>
    public PickupScheduleState? Current() => Exists ? State : null;

    public async Task<Proto.PickupSchedule> CreateAsync(PickupSchedule schedule, Caller caller, IdempotencyTicket ticket)
    {
        if (Exists) throw new AlreadyExistsException($"Pickup schedule '{Key.Id}' already exists.");
        (State.Schedule, State.Status, State.CreatedAt) = (schedule, PickupScheduleStatus.Active, Now);
        return await CommitAsync("PickupScheduleCreated", schedule, caller, ticket);
    }

    public Task<Proto.PickupSchedule> SetStatusAsync(PickupScheduleStatus status, Caller caller, IdempotencyTicket ticket)
    {
        if (!Exists) throw new NotFoundException($"Pickup schedule '{Key.Id}' not found.");
        State.Status = status;
        return CommitAsync(status == PickupScheduleStatus.Paused ? "PickupSchedulePaused" : "PickupScheduleResumed", new { Status = status }, caller, ticket);
    }

    private async Task<Proto.PickupSchedule> CommitAsync(string eventType, object data, Caller caller, IdempotencyTicket ticket)
    {
        var now = Now;
        State.UpdatedAt = now;
        var response = PickupScheduleMapper.ToProto(State, now);
        await CommitAsync([new NewEvent(eventType, JsonSerializer.Serialize(data, DomainJson.Options), caller.AuditName, now)], ticket.RecordProto(response, now), []);
        return response;
    }
}
