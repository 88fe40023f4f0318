using Quartz;
using ReverseLogistics.Silo.Pickups;

namespace ReverseLogistics.Silo.Scheduling;

/// <summary>Builds the manifests of carrier windows past their cut-off. One run at a time; a run cut short is rerun (idempotent).</summary>
[DisallowConcurrentExecution]
public sealed class ManifestJob(PickupSweeps sweeps) : IJob
{
    public static readonly JobKey Key = new("pickup-manifests", PlatformScheduler.SweepGroup);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        context.Result = await sweeps.BuildManifestsAsync(cancellationToken);
}
