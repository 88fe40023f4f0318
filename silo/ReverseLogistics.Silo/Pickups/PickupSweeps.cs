using Orleans;
using ReverseLogistics.Actors;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Silo.Sweeps;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>
/// The pickups' batch work, run by recurring jobs over the due index: carrier windows past their cut-off
/// become manifests (one commit per window, however many pickups it holds), and returns whose window ended
/// without a pick-up scan are rebooked or raised. Each actor decides on its own state, so a stale entry,
/// a second node or a rerun after a crash changes nothing twice.
/// </summary>
public sealed class PickupSweeps(DueIndexSweep sweep, ActorRuntime actors, IGrainFactory grains)
{
    private const int PageSize = 500;
    private const int Parallelism = 32;

    public Task<SweepResult> BuildManifestsAsync(CancellationToken cancellationToken) =>
        sweep.RunAsync(CarrierWindowGrain.TypeName, CarrierWindowGrain.ManifestDue,
            (key, token) => grains.CarrierWindow(key.Id).BuildManifestIfDueAsync().WaitAsync(token),
            PageSize, Parallelism, cancellationToken);

    public Task<SweepResult> HandleMissedPickupsAsync(CancellationToken cancellationToken) =>
        sweep.RunAsync(ReturnActor.TypeName, ReturnIndex.MissedPickup,
            (key, token) => actors.Get<ReturnActor>(key.TenantId, key.Id).AskAsync(r => r.HandleMissedPickupIfDueAsync(), token),
            PageSize, Parallelism, cancellationToken);
}
