using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Pickups;

/// <summary>
/// One recurring pickup of the 3PL (key: platform tenant / schedule id): its definition and whether it runs.
/// Its Quartz trigger follows this state.
/// </summary>
public interface IPickupScheduleGrain : IGrainWithStringKey
{
    /// <summary>The stored state, or null when the schedule does not exist.</summary>
    [ReadOnly]
    Task<PickupScheduleState?> GetAsync();

    Task<PickupScheduleState> CreateAsync(PickupSchedule schedule, Caller caller, IdempotencyTicket ticket);

    Task<PickupScheduleState> SetStatusAsync(PickupScheduleStatus status, Caller caller, IdempotencyTicket ticket);
}
