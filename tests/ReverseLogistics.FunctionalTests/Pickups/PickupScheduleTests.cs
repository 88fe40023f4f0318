using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Grpc.Core;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Pickups;
using ReverseLogistics.Silo.Scheduling;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Pickups;

/// <summary>
/// Operators' recurring pickups on the real scheduler of each store: a cron trigger per schedule in the
/// location's time zone, paused and resumed with the schedule, one manifest per cut-off. Time moves by
/// restarting the silo with its clock where the test wants it, never by sleeping.
/// </summary>
public abstract class PickupScheduleTests : PickupWorldTests
{
    protected static PickupSchedule Schedule(string id, string cron = "0 0 15 ? * MON-FRI", string timeZone = "America/Los_Angeles") => new()
    {
        ScheduleId = id,
        CarrierId = "CARRIER-A",
        Location = new PickupLocation
        {
            LocationId = "DP-PDX-7", Kind = PickupLocationKind.DropOffPoint, Name = "Corner shop", AddressLines = { "7 Burnside St" },
            City = "Portland", PostalCode = "97209", CountryCode = "US", TimeZone = timeZone,
        },
        CronExpression = cron,
        CutoffMinutes = 90,
    };

    protected Task<PickupSchedule> CreateAsync(PickupSchedule schedule, string? requestId = null) =>
        World.Client.Pickups.CreatePickupScheduleAsync(new CreatePickupScheduleRequest { RequestId = requestId ?? NewRequestId(), Schedule = schedule }, World.Operator).ResponseAsync;

    protected async Task<List<Manifest>> ManifestsOfAsync(string scheduleId) =>
        [.. (await World.Client.Pickups.ListManifestsAsync(new ListManifestsRequest { PageSize = 500 }, World.Operator)).Manifests.Where(m => m.ScheduleId == scheduleId)];

    /// <summary>The next run of the schedule's job, or the manifest it already built (checked after listening, so neither is missed).</summary>
    private async Task<List<Manifest>> AwaitFirstRunAsync(string scheduleId)
    {
        using var run = new JobRunCompletion<ScheduledManifest>(await World.SchedulerAsync(), PickupScheduleTriggers.JobKeyOf(scheduleId));
        if ((await ManifestsOfAsync(scheduleId)).Count == 0) await run.Next;
        return await ManifestsOfAsync(scheduleId);
    }

    [SkippableFact]
    public async Task A_schedule_gets_a_cron_trigger_in_its_locations_time_zone_that_pauses_and_resumes_with_it()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var created = await CreateAsync(Schedule("PDX-DAILY"), requestId: "sched-1");
        var retried = await CreateAsync(Schedule("PDX-DAILY"), requestId: "sched-1");
        var scheduler = await World.SchedulerAsync();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(PickupScheduleTriggers.TriggerKeyOf("PDX-DAILY")));

        Assert.Equal(created, retried);
        Assert.Equal(PickupScheduleStatus.Active, created.Status);
        Assert.Equal(("0 0 15 ? * MON-FRI", "America/Los_Angeles", CronTriggerMisfireInstruction.FireAndProceed),
            (trigger.CronExpressionString, trigger.TimeZone.Id, trigger.MisfireInstruction));
        var next = TimeZoneInfo.ConvertTime(created.NextCutoffTime.ToDateTimeOffset(), PickupWorld.Pacific);
        Assert.Equal((15, 0), (next.Hour, next.Minute));
        Assert.DoesNotContain(next.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        Assert.Equal(created.NextCutoffTime.ToDateTimeOffset(), trigger.NextFireTimeUtc);

        var paused = await World.Client.Pickups.PausePickupScheduleAsync(new PausePickupScheduleRequest { RequestId = NewRequestId(), ScheduleId = "PDX-DAILY" }, World.Operator);
        var whilePaused = await scheduler.GetTriggerState(trigger.Key);
        var resumed = await World.Client.Pickups.ResumePickupScheduleAsync(new ResumePickupScheduleRequest { RequestId = NewRequestId(), ScheduleId = "PDX-DAILY" }, World.Operator);

        Assert.Equal((PickupScheduleStatus.Paused, null), (paused.Status, paused.NextCutoffTime));
        Assert.Equal(TriggerState.Paused, whilePaused);
        Assert.Equal(PickupScheduleStatus.Active, resumed.Status);
        Assert.Equal(TriggerState.Normal, await scheduler.GetTriggerState(trigger.Key));
        var listed = Assert.Single((await World.Client.Pickups.ListPickupSchedulesAsync(new ListPickupSchedulesRequest(), World.Operator)).Schedules);
        Assert.Equal(("PDX-DAILY", PickupScheduleStatus.Active, "DP-PDX-7"), (listed.ScheduleId, listed.Status, listed.Location.LocationId));
    }

    [SkippableFact]
    public async Task A_bad_schedule_is_refused_naming_every_field_and_a_taken_id_already_exists()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await CreateAsync(Schedule("PDX-DAILY"));
        var bad = Schedule("pdx daily", cron: "every day at 3", timeZone: "Mars/Olympus");
        bad.CarrierId = "NO-SUCH-CARRIER";

        var invalid = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(bad));
        var taken = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(Schedule("PDX-DAILY", cron: "0 0 9 * * ?")));

        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(["schedule.schedule_id", "schedule.carrier_id", "schedule.location.time_zone", "schedule.cron_expression"],
            invalid.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
        Assert.Equal(StatusCode.AlreadyExists, taken.StatusCode);
        Assert.Single((await World.Client.Pickups.ListPickupSchedulesAsync(new ListPickupSchedulesRequest(), World.Operator)).Schedules);
    }

    [SkippableFact]
    public async Task A_schedule_fires_at_its_cut_off_and_builds_that_occurrences_manifest()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var created = await CreateAsync(Schedule("PDX-HOURLY", cron: "0 0 * * * ?"));
        var cutoff = created.NextCutoffTime.ToDateTimeOffset();

        // Restarted three seconds short of the cut-off: the trigger comes from the store and fires when the clock reaches it.
        await World.RestartAsync(() => World.Clock.Advance(cutoff - World.Clock.GetUtcNow() - TimeSpan.FromSeconds(3)));
        World.Clock.Advance(TimeSpan.FromSeconds(3));
        var manifest = Assert.Single(await AwaitFirstRunAsync("PDX-HOURLY"));

        Assert.Equal($"PDX-HOURLY@{cutoff.UtcDateTime:yyyyMMdd'T'HHmm'Z'}", manifest.ManifestId);
        Assert.Equal(("CARRIER-A", "DP-PDX-7"), (manifest.CarrierId, manifest.Location.LocationId));
        Assert.Equal(cutoff, manifest.CutoffTime.ToDateTimeOffset());
        Assert.Equal(cutoff.AddMinutes(90), manifest.Window.StartTime.ToDateTimeOffset());
        Assert.Equal("America/Los_Angeles", manifest.Window.TimeZone);
    }

    [SkippableFact]
    public async Task A_cut_off_missed_while_the_silo_was_down_is_caught_up_once_not_once_per_missed_cut_off()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var created = await CreateAsync(Schedule("PDX-HOURLY", cron: "0 0 * * * ?"));
        var firstCutoff = created.NextCutoffTime.ToDateTimeOffset();

        // Down across three cut-offs; restarted five minutes after the third.
        await World.RestartAsync(() => World.Clock.Advance(firstCutoff.AddHours(2).AddMinutes(5) - World.Clock.GetUtcNow()));
        var manifests = await AwaitFirstRunAsync("PDX-HOURLY");
        var trigger = await (await World.SchedulerAsync()).GetTrigger(PickupScheduleTriggers.TriggerKeyOf("PDX-HOURLY"));

        // One manifest for the missed cut-offs, named after the first of them (what Quartz reports as the scheduled time).
        Assert.Equal(firstCutoff, Assert.Single(manifests).CutoffTime.ToDateTimeOffset());
        Assert.Equal(firstCutoff.AddHours(3), trigger!.NextFireTimeUtc);
    }

    [SkippableFact]
    public async Task An_occurrence_fired_again_finds_its_manifest_built_and_a_paused_schedule_builds_none()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var created = await CreateAsync(Schedule("PDX-DAILY"));
        var cutoff = created.NextCutoffTime.ToDateTime();
        var schedules = World.Silo.Services.GetRequiredService<PickupSchedules>();

        var first = await schedules.BuildOccurrenceAsync("PDX-DAILY", cutoff);
        var again = await schedules.BuildOccurrenceAsync("PDX-DAILY", cutoff);
        await World.Client.Pickups.PausePickupScheduleAsync(new PausePickupScheduleRequest { RequestId = NewRequestId(), ScheduleId = "PDX-DAILY" }, World.Operator);
        var whilePaused = await schedules.BuildOccurrenceAsync("PDX-DAILY", cutoff.AddDays(1));

        Assert.Equal((true, false, false), (first.Built, again.Built, whilePaused.Built));
        Assert.Equal(first.ManifestId, again.ManifestId);
        Assert.Equal([first.ManifestId], (await ManifestsOfAsync("PDX-DAILY")).Select(m => m.ManifestId));
    }
}

public sealed class SqlitePickupScheduleTests : PickupScheduleTests
{
    protected override string? SkipReason => null;

    protected override SiloOptions StoreOptions(string directory) => new() { DataDirectory = directory };
}

public sealed class PostgresPickupScheduleTests(Storage.PostgresDatabase postgres) : PickupScheduleTests, IClassFixture<Storage.PostgresDatabase>
{
    private string? connectionString;

    protected override string? SkipReason => postgres.ConnectionString is null ? Storage.PostgresDatabase.SkipReason : null;

    protected override SiloOptions StoreOptions(string directory) =>
        new() { DataDirectory = directory, Store = StoreKind.Postgres, PostgresConnectionString = connectionString };

    public override async Task InitializeAsync()
    {
        if (postgres.ConnectionString is not null) connectionString = await postgres.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    [SkippableFact]
    public async Task Two_clustered_nodes_firing_the_same_cut_off_build_one_manifest()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var created = await CreateAsync(Schedule("PDX-DAILY"));
        await using var other = await World.StartNodeAsync("b");
        var cutoff = created.NextCutoffTime.ToDateTime();

        var runs = await Task.WhenAll(
            World.Silo.Services.GetRequiredService<PickupSchedules>().BuildOccurrenceAsync("PDX-DAILY", cutoff),
            other.Services.GetRequiredService<PickupSchedules>().BuildOccurrenceAsync("PDX-DAILY", cutoff));

        Assert.Equal(1, runs.Count(r => r.Built));
        Assert.Single(await ManifestsOfAsync("PDX-DAILY"));
    }
}
