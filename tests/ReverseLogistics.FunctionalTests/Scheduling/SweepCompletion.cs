using Quartz;
using ReverseLogistics.Silo.Sweeps;

namespace ReverseLogistics.FunctionalTests.Scheduling;

/// <summary>
/// Fires a sweep job now through the real scheduler and waits for a run that saw the clock at or after
/// <c>notBefore</c> (a run of the regular trigger that started earlier does not count).
/// </summary>
public sealed class SweepCompletion : IJobListener
{
    private readonly TaskCompletionSource<SweepResult> completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly DateTime notBefore;

    private SweepCompletion(DateTime notBefore) => this.notBefore = notBefore;

    public string Name { get; } = "sweep-completion-" + Guid.NewGuid().ToString("N");

    public static async Task<SweepResult> RunAsync(IScheduler scheduler, JobKey job, TimeProvider clock)
    {
        var listener = new SweepCompletion(clock.GetUtcNow().UtcDateTime);
        scheduler.ListenerManager.AddJobListener(listener, [Matchers.Key(job)]);
        try
        {
            await scheduler.TriggerJob(job, new JobDataMap());
            return await listener.completed.Task.WaitAsync(TimeSpan.FromSeconds(90));
        }
        finally
        {
            scheduler.ListenerManager.RemoveJobListener(listener.Name);
        }
    }

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        if (jobException is not null) completed.TrySetException(jobException);
        else if (context.Result is SweepResult result && result.Now >= notBefore) completed.TrySetResult(result);
        return ValueTask.CompletedTask;
    }
}
