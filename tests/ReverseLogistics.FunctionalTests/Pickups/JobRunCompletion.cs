using Quartz;

namespace ReverseLogistics.FunctionalTests.Pickups;

/// <summary>
/// Awaits the next completed run of one Quartz job (its result), on a signal, never a sleep. Attach it before
/// checking whether the run already happened, so a run in between is never missed.
/// </summary>
public sealed class JobRunCompletion<TResult> : IJobListener, IDisposable
{
    private readonly TaskCompletionSource<TResult> completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IScheduler scheduler;

    public JobRunCompletion(IScheduler scheduler, JobKey job)
    {
        this.scheduler = scheduler;
        scheduler.ListenerManager.AddJobListener(this, [Matchers.Key(job)]);
    }

    public string Name { get; } = "job-run-" + Guid.NewGuid().ToString("N");

    public Task<TResult> Next => completed.Task.WaitAsync(TimeSpan.FromSeconds(90));

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is not null) completed.TrySetException(jobException);
        else if (context.Result is TResult result) completed.TrySetResult(result);
        return ValueTask.CompletedTask;
    }

    public void Dispose() => scheduler.ListenerManager.RemoveJobListener(Name);
}
