using Orleans;
using ReverseLogistics.Grains;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>The occurrences of pickup schedules: each cut-off's manifest, built once.</summary>
public sealed class PickupSchedules(IGrainFactory grains, ILogger<PickupSchedules> logger)
{
    public async Task<ScheduledManifest> BuildOccurrenceAsync(string scheduleId, DateTime cutoffUtc)
    {
        var state = await grains.PickupSchedule(scheduleId).GetAsync();
        if (state is null || state.Status == PickupScheduleStatus.Paused)
        {
            logger.LogInformation("Pickup schedule {Schedule} is missing or paused: no manifest for {Cutoff}", scheduleId, cutoffUtc);
            return new ScheduledManifest(scheduleId, "", cutoffUtc, Built: false);
        }
        var schedule = state.Schedule;
        var manifestId = schedule.ManifestIdFor(cutoffUtc);
        var slot = schedule.SlotFor(cutoffUtc, PickupScheduleMapper.ZoneOf(schedule));
        var built = await grains.CarrierWindow(manifestId).BuildScheduledManifestAsync(schedule, slot);
        logger.LogInformation("Pickup schedule {Schedule} cut-off {Cutoff}: manifest {Manifest} {Outcome}", scheduleId, cutoffUtc, manifestId,
            built ? "built" : "already built");
        return new ScheduledManifest(scheduleId, manifestId, cutoffUtc, built);
    }
}
