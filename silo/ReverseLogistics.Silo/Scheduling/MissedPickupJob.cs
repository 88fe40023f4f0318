using Quartz;
using ReverseLogistics.Silo.Pickups;

namespace ReverseLogistics.Silo.Scheduling;

/// <summary>Rebooks (or raises) pickups whose window ended without a pick-up scan. One run at a time; idempotent.</summary>
[DisallowConcurrentExecution]
public sealed class MissedPickupJob(PickupSweeps sweeps) : IJob
{
    public static readonly JobKey Key = new("missed-pickups", PlatformScheduler.SweepGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweeps.HandleMissedPickupsAsync(cancellationToken);
}
