using Quartz;
using ReverseLogistics.Silo.Sweeps;

namespace ReverseLogistics.Silo.Scheduling;

/// <summary>Releases centre and carrier-window bookings no return holds. One run at a time; a run cut short is rerun (idempotent).</summary>
[DisallowConcurrentExecution]
public sealed class OrphanedBookingJob(OrphanedBookingSweeps sweeps) : IJob
{
    public static readonly JobKey Key = new("orphaned-bookings", PlatformScheduler.SweepGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweeps.ReleaseOrphansAsync(cancellationToken);
}
