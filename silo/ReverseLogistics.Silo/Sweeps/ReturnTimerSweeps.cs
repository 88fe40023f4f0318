using Orleans;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Returns;

namespace ReverseLogistics.Silo.Sweeps;

/// <summary>
/// The returns' timers, run as batch sweeps over the due index (never one trigger per return): every
/// return due by now, across all tenants, is asked to act (see <see cref="DueIndexSweep"/>).
/// </summary>
public sealed class ReturnTimerSweeps(DueIndexSweep sweep, IGrainFactory grains)
{
    private const int PageSize = 200;
    private const int Parallelism = 16;

    /// <summary>Expires the returns whose label outlived the policy's validity before they were shipped.</summary>
    public Task<SweepResult> ExpireLabelsAsync(CancellationToken cancellationToken) =>
        SweepAsync(ReturnIndex.LabelExpiry, grain => grain.ExpireLabelIfDueAsync(), cancellationToken);

    /// <summary>Escalates, once each, the received returns left uninspected beyond the policy's SLA.</summary>
    public Task<SweepResult> EscalateInspectionsAsync(CancellationToken cancellationToken) =>
        SweepAsync(ReturnIndex.InspectionSla, grain => grain.EscalateInspectionIfDueAsync(), cancellationToken);

    private Task<SweepResult> SweepAsync(string kind, Func<IReturnGrain, Task<bool>> fire, CancellationToken cancellationToken) =>
        sweep.RunAsync(ReturnGrain.TypeName, kind, (key, token) => fire(grains.Return(key.TenantId, key.Id)).WaitAsync(token),
            PageSize, Parallelism, cancellationToken);
}
