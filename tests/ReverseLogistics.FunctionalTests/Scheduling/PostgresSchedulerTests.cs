using Quartz;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Storage;

namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>Cluster mode: Quartz clustered on the shared PostgreSQL database (a fresh one per test).</summary>
public sealed class PostgresSchedulerTests(PostgresDatabase postgres) : SchedulerTests, IClassFixture<PostgresDatabase>
{
    private string? connectionString;

    protected override string? SkipReason => postgres.ConnectionString is null ? PostgresDatabase.SkipReason : null;

    protected override bool IsClustered => true;

    protected override SiloOptions StoreOptions(string nodeDirectory) =>
        new() { DataDirectory = nodeDirectory, Store = StoreKind.Postgres, PostgresConnectionString = connectionString };

    public override async Task InitializeAsync()
    {
        if (postgres.ConnectionString is not null) connectionString = await postgres.CreateDatabaseAsync();
    }

    [SkippableFact]
    public async Task Two_clustered_nodes_run_each_fire_time_once()
    {
        Skip.If(SkipReason is not null, SkipReason);
        await using var a = await StartAsync(node: "a");
        await using var b = await StartAsync(node: "b");
        var run = RecordingJob.NewRun();
        const int FireTimes = 6;
        var trigger = TriggerBuilder.Create()
            .WithIdentity(run.Id, "tests")
            .ForJob(run.Id, "tests")
            .StartAt(DateTimeOffset.UtcNow.AddSeconds(1))
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(TimeSpan.FromMilliseconds(500)).WithRepeatCount(FireTimes - 1))
            .Build();

        await (await SchedulerOf(a)).ScheduleJob(RecordingJobDetail(run), [trigger], ScheduleJobOptions.Replacing);
        await run.WaitForAsync(FireTimes);

        Assert.Equal(FireTimes, run.Firings.Select(f => f.ScheduledFor).Distinct().Count());
        Assert.Equal(FireTimes, run.Firings.Count);
        string[] instances = [(await SchedulerOf(a)).SchedulerInstanceId, (await SchedulerOf(b)).SchedulerInstanceId];
        Assert.NotEqual(instances[0], instances[1]);
        Assert.All(run.Firings, f => Assert.Contains(f.InstanceId, instances));
    }
}
