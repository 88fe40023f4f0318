using Orleans;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Silo.Sweeps;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>
/// The pickups' batch work, run by recurring jobs over the due index: carrier windows past their cut-off
/// become manifests (one commit per window, however many pickups it holds), and returns whose window ended
/// without a pick-up scan are rebooked or raised. Each grain decides on its own state, so a stale entry,
/// a second node or a rerun after a crash changes nothing twice.
/// </summary>
public sealed class PickupSweeps(DueIndexSweep sweep, IGrainFactory grains)
{
    private const int PageSize = 500;
    private const int Parallelism = 32;

    public Task<SweepResult> BuildManifestsAsync(CancellationToken cancellationToken) =>
        sweep.RunAsync(CarrierWindowGrain.TypeName, CarrierWindowGrain.ManifestDue,
            (key, token) => grains.CarrierWindow(key.Id).BuildManifestIfDueAsync().WaitAsync(token),
            PageSize, Parallelism, cancellationToken);

    public Task<SweepResult> HandleMissedPickupsAsync(CancellationToken cancellationToken) =>
        sweep.RunAsync(ReturnGrain.TypeName, ReturnIndex.MissedPickup,
            (key, token) => grains.Return(key.TenantId, key.Id).HandleMissedPickupIfDueAsync().WaitAsync(token),
            PageSize, Parallelism, cancellationToken);
}
