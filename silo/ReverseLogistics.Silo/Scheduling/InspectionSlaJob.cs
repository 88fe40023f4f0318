using Quartz;
using ReverseLogistics.Silo.Sweeps;

namespace ReverseLogistics.Silo.Scheduling;

/// <summary>The inspection-SLA sweep. One run at a time; a run cut short by a crash is rerun (the sweep is idempotent).</summary>
[DisallowConcurrentExecution]
public sealed class InspectionSlaJob(ReturnTimerSweeps sweeps) : IJob
{
    public static readonly JobKey Key = new("inspection-sla", PlatformScheduler.SweepGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweeps.EscalateInspectionsAsync(cancellationToken);
}
