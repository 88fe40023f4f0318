using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Hosting;
using System.Text.Json;
using Quartz;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Storage;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Silo.Pickups;

namespace ReverseLogistics.Silo.Scheduling;

/// <summary>
/// Keeps each pickup schedule's Quartz trigger in line with the schedule actor: one job and one cron trigger
/// per schedule (in the location's time zone, a misfire caught up once), paused while the schedule is paused.
/// Applying is idempotent, so a call after a crash, a retried request or a restart repairs what is missing.
/// </summary>
public sealed class PickupScheduleTriggers(ISchedulerFactory schedulers, IActorStore store, PlatformClock time)
{
    public const string Group = "pickup-schedules";
    public const string ScheduleKey = "schedule";
    public const CronTriggerMisfireInstruction Misfire = CronTriggerMisfireInstruction.FireAndProceed;

    public static JobKey JobKeyOf(string scheduleId) => new(scheduleId, Group);

    public static TriggerKey TriggerKeyOf(string scheduleId) => new(scheduleId, Group);

    /// <summary>At start-up: every stored schedule's trigger made as its actor says (repairs a crash between the two).</summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        ActorKey? after = null;
        while (true)
        {
            var page = await store.ListAsync(PickupScheduleGrain.TypeName, TenantIds.Platform, after, 500, cancellationToken);
            foreach (var (_, record) in page)
                await ApplyAsync(JsonSerializer.Deserialize<PickupScheduleState>(record.State, DomainJson.Options)!, cancellationToken);
            if (page.Count < 500) return;
            after = page[^1].Key;
        }
    }

    public async Task ApplyAsync(PickupScheduleState state, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var schedule = state.Schedule;
        var key = TriggerKeyOf(schedule.Id);
        var zone = PickupScheduleMapper.ZoneOf(schedule);
        if (await scheduler.GetTrigger(key, cancellationToken) is not ICronTrigger stored
            || stored.CronExpressionString != schedule.CronExpression || stored.TimeZone.Id != zone.Id || stored.MisfireInstruction != Misfire)
        {
            var job = JobBuilder.Create<PickupScheduleJob>()
                .WithIdentity(JobKeyOf(schedule.Id))
                .UsingJobData(ScheduleKey, schedule.Id)
                .WithDescription($"Manifests of pickup schedule {schedule.Id}")
                .StoreDurably(true)
                .RequestRecovery(true)
                .Build();
            var trigger = TriggerBuilder.Create(time)
                .WithIdentity(key)
                .ForJob(job.Key)
                .WithSchedule(CronScheduleBuilder.Create(schedule.CronExpression).InTimeZone(zone).WithMisfireInstruction(Misfire))
                .Build();
            await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        }

        var paused = await scheduler.GetTriggerState(key, cancellationToken) == TriggerState.Paused;
        if (state.Status == PickupScheduleStatus.Paused && !paused) await scheduler.PauseTrigger(key, cancellationToken);
        else if (state.Status == PickupScheduleStatus.Active && paused) await scheduler.ResumeTrigger(key, cancellationToken);
    }
}
