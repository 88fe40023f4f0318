using System.Collections.Concurrent;
using Quartz;

namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>A test-only job: records each firing under the run id in its job data, wherever (and on whichever node) it fires.</summary>
public sealed class RecordingJob : IJob
{
    public const string RunKey = "run";

    private static readonly ConcurrentDictionary<string, RecordedRun> Runs = new();

    /// <summary>A fresh run to record into; pass <see cref="RecordedRun.Id"/> as the job data under <see cref="RunKey"/>.</summary>
    public static RecordedRun NewRun()
    {
        var run = new RecordedRun(Guid.NewGuid().ToString("N"));
        Runs[run.Id] = run;
        return run;
    }

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var runId = (string)context.MergedJobDataMap[RunKey]!;
        Runs[runId].Record(new Firing(context.ScheduledFireTimeUtc, context.FireTimeUtc, context.Scheduler.SchedulerInstanceId));
        return ValueTask.CompletedTask;
    }
}
