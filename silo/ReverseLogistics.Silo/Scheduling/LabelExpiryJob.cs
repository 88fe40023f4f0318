using Quartz;
using ReverseLogistics.Silo.Sweeps;

namespace ReverseLogistics.Silo.Scheduling;

/// <summary>The label-expiry sweep. One run at a time; a run cut short by a crash is rerun (the sweep is idempotent).</summary>
[DisallowConcurrentExecution]
public sealed class LabelExpiryJob(ReturnTimerSweeps sweeps) : IJob
{
    public static readonly JobKey Key = new("label-expiry", PlatformScheduler.SweepGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweeps.ExpireLabelsAsync(cancellationToken);
}
