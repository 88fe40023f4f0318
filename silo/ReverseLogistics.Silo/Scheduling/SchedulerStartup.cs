using ReverseLogistics.Grains;
using Quartz;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Storage.Sqlite;

namespace ReverseLogistics.Silo.Scheduling;

/// <summary>
/// Runs before Quartz starts (it is registered before Quartz's hosted service): migrates the embedded
/// scheduler database (PostgreSQL's Quartz tables come with the store's migrations), then registers the
/// recurring jobs and the operators' pickup schedules. Registration is idempotent: a trigger already stored as asked is left alone, so a
/// restart neither duplicates a job nor moves its next fire time; one stored differently is rescheduled.
/// </summary>
public sealed class SchedulerStartup(
    SiloOptions options, ISchedulerFactory schedulers, PickupScheduleTriggers pickupSchedules, PlatformClock time, ILogger<SchedulerStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Store == StoreKind.Sqlite) await SqliteSchedulerDatabase.MigrateAsync(options.DataDirectory, logger, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var job in PlatformScheduler.RecurringJobs) await RegisterAsync(scheduler, job, cancellationToken);
        await pickupSchedules.ReconcileAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RegisterAsync(IScheduler scheduler, RecurringJob job, CancellationToken cancellationToken)
    {
        var stored = await scheduler.GetTrigger(job.TriggerKey, cancellationToken);
        var detail = await scheduler.GetJobDetail(job.Key, cancellationToken);
        if (job.IsScheduledBy(stored) && detail?.JobType.Type == job.JobType && detail.RequestsRecovery && detail.Durable)
        {
            logger.LogDebug("Job {Job} is scheduled as configured; next fire {Next}", job.Key, stored!.NextFireTimeUtc);
            return;
        }
        // Replacing: nodes of a cluster starting together may race here; the last writer's identical schedule stands.
        await scheduler.ScheduleJob(job.BuildJob(), [job.BuildTrigger(time)], ScheduleJobOptions.Replacing, cancellationToken);
        logger.LogInformation("Scheduled job {Job} every {Interval}", job.Key, job.Interval);
    }
}
