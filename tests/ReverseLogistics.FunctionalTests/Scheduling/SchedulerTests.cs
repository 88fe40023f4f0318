using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Scheduling;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>
/// The real Quartz scheduler of real silos, on one store shared by every silo a test starts (restarts,
/// cluster nodes). Time moves through the silos' clock, never by sleeping: a restarted silo is simply
/// started with its clock where the test wants it.
/// </summary>
public abstract partial class SchedulerTests : IAsyncLifetime
{
    protected const string OperatorKey = "rl-scheduling-operator-key";
    private readonly string directory = Directory.CreateTempSubdirectory("rl-scheduling-").FullName;

    /// <summary>Why the store is unavailable (the test skips), or null.</summary>
    protected abstract string? SkipReason { get; }

    protected abstract SiloOptions StoreOptions(string dataDirectory);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A silo on this test's store; on PostgreSQL, nodes with different names form a cluster.</summary>
    protected Task<InProcessSilo> StartAsync(TimeProvider? clock = null, string node = "a") =>
        InProcessSilo.StartAsync(StoreOptions(Path.Combine(directory, node)) with { OperatorKey = OperatorKey, Clock = clock ?? TimeProvider.System });

    protected static Task<IScheduler> SchedulerOf(InProcessSilo silo) =>
        silo.Services.GetRequiredService<ISchedulerFactory>().GetScheduler().AsTask();

    [SkippableFact]
    public async Task The_scheduler_starts_on_the_persistent_store_our_migrations_created()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var silo = await StartAsync();
        var scheduler = await SchedulerOf(silo);

        var metadata = await scheduler.GetMetadata();
        Assert.Equal(PlatformScheduler.Name, metadata.SchedulerName);
        Assert.True(metadata.JobStorePersistent);
        Assert.Equal(IsClustered, metadata.JobStoreClustered);
        Assert.NotEqual(IsClustered, metadata.SchedulerInstanceId == "NON_CLUSTERED");
    }

    protected abstract bool IsClustered { get; }

    [SkippableFact]
    public async Task Each_sweep_has_one_recurring_trigger_and_a_restart_neither_duplicates_nor_resets_it()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var before = new Dictionary<JobKey, DateTimeOffset>();
        await using (var first = await StartAsync())
        {
            var scheduler = await SchedulerOf(first);
            foreach (var job in PlatformScheduler.RecurringJobs)
            {
                var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(Assert.Single(await scheduler.GetTriggersOfJob(job.Key)));
                Assert.Equal(job.Interval, trigger.RepeatInterval);
                Assert.Equal(RecurringJob.Misfire, trigger.MisfireInstruction);
                var detail = await scheduler.GetJobDetail(job.Key);
                Assert.True(detail!.RequestsRecovery);
                Assert.True(detail.ConcurrentExecutionDisallowed);
                before[job.Key] = trigger.StartTimeUtc;
            }
        }

        await using var second = await StartAsync();
        var restarted = await SchedulerOf(second);
        foreach (var job in PlatformScheduler.RecurringJobs)
        {
            var trigger = Assert.Single(await restarted.GetTriggersOfJob(job.Key));
            Assert.Equal(before[job.Key], trigger.StartTimeUtc);
        }
    }

    [SkippableFact]
    public async Task A_trigger_stored_before_a_restart_fires_after_it_at_its_time()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var run = RecordingJob.NewRun();
        var fireAt = DateTimeOffset.UtcNow.AddHours(1);
        await using (var before = await StartAsync())
        {
            await (await SchedulerOf(before)).ScheduleJob(RecordingJobDetail(run), [OneShot(run, fireAt)], ScheduleJobOptions.Replacing);
        }

        // Restarted with its clock three seconds short of the fire time: the trigger must come from the store.
        var clock = new FakeTimeProvider(fireAt - TimeSpan.FromSeconds(3));
        await using var after = await StartAsync(clock);
        clock.Advance(TimeSpan.FromSeconds(3));
        await run.WaitForAsync(1);

        var firing = Assert.Single(run.Firings);
        Assert.Equal(fireAt, firing.ScheduledFor);
        Assert.Equal((await SchedulerOf(after)).SchedulerInstanceId, firing.InstanceId);
    }

    [SkippableFact]
    public async Task A_cut_off_missed_while_the_silo_was_down_fires_once_on_restart_not_once_per_missed_time()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var run = RecordingJob.NewRun();
        DateTimeOffset firstCutOff;
        await using (var before = await StartAsync())
        {
            var cutOff = HourlyCutOff(run, DateTimeOffset.UtcNow.AddMinutes(30));
            await (await SchedulerOf(before)).ScheduleJob(RecordingJobDetail(run), [cutOff], ScheduleJobOptions.Replacing);
            firstCutOff = cutOff.GetFireTimeAfter(cutOff.StartTimeUtc)!.Value;
        }

        // Down across three cut-offs (first, +1 h, +2 h); restarted five minutes after the third.
        var clock = new FakeTimeProvider(firstCutOff.AddHours(2).AddMinutes(5));
        await using var after = await StartAsync(clock);
        await run.WaitForAsync(1);
        var trigger = await (await SchedulerOf(after)).GetTrigger(new TriggerKey(run.Id, "tests"));

        // Caught up: the next fire time is in the future, so no missed cut-off is left to fire again.
        Assert.True(trigger!.NextFireTimeUtc > clock.GetUtcNow());
        Assert.Equal(firstCutOff.AddHours(3), trigger.NextFireTimeUtc);
        var firing = Assert.Single(run.Firings);
        Assert.True(firing.FiredAt > firstCutOff.AddHours(2), $"fired at {firing.FiredAt:O} for {firing.ScheduledFor:O}; first cut-off {firstCutOff:O}");
    }

    protected static IJobDetail RecordingJobDetail(RecordedRun run) => JobBuilder.Create<RecordingJob>()
        .WithIdentity(run.Id, "tests")
        .UsingJobData(RecordingJob.RunKey, run.Id)
        .RequestRecovery(true)
        .Build();

    protected static ITrigger OneShot(RecordedRun run, DateTimeOffset at) => TriggerBuilder.Create()
        .WithIdentity(run.Id, "tests")
        .ForJob(run.Id, "tests")
        .StartAt(at)
        .WithSchedule(SimpleScheduleBuilder.Create().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();

    /// <summary>An hourly cut-off (on the hour, UTC) from <paramref name="from"/>; a missed one fires once, now, then the schedule resumes.</summary>
    private static ITrigger HourlyCutOff(RecordedRun run, DateTimeOffset from) => TriggerBuilder.Create()
        .WithIdentity(run.Id, "tests")
        .ForJob(run.Id, "tests")
        .StartAt(from)
        .WithSchedule(CronScheduleBuilder.Create("0 0 * * * ?").InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();
}
