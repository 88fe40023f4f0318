using System.Globalization;
using Quartz;
using ReverseLogistics.Silo.Pickups;

namespace ReverseLogistics.Silo.Scheduling;

/// <summary>
/// One cut-off of a pickup schedule: builds that occurrence's manifest, named after the cut-off the trigger was
/// scheduled for, so a rerun after a crash (recovery) or a fire on another node finds it already built.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PickupScheduleJob(PickupSchedules schedules) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var scheduleId = context.MergedJobDataMap.GetString(PickupScheduleTriggers.ScheduleKey)
            ?? throw new JobExecutionException($"Job {context.JobDetail.Key} names no pickup schedule.");
        context.Result = await schedules.BuildOccurrenceAsync(scheduleId, CutoffOf(context));
    }

    /// <summary>The cut-off this run is for: a recovering run carries the original trigger's scheduled time in its data.</summary>
    private static DateTime CutoffOf(IJobExecutionContext context)
    {
        if (context.Recovering && context.MergedJobDataMap.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime) is { } millis
            && long.TryParse(millis, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms))
            return DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        return (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime;
    }
}
