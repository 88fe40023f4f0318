using ReverseLogistics.Actors;
using ReverseLogistics.Silo.Returns;

namespace ReverseLogistics.Silo.Sweeps;

/// <summary>
/// The returns' timers, run as batch sweeps over the due index (never one trigger per return): every
/// return due by now, across all tenants, is asked to act (see <see cref="DueIndexSweep"/>).
/// </summary>
public sealed class ReturnTimerSweeps(DueIndexSweep sweep, ActorRuntime actors)
{
    private const int PageSize = 200;
    private const int Parallelism = 16;

    /// <summary>Expires the returns whose label outlived the policy's validity before they were shipped.</summary>
    public Task<SweepResult> ExpireLabelsAsync(CancellationToken cancellationToken) =>
        SweepAsync(ReturnIndex.LabelExpiry, actor => actor.ExpireLabelIfDueAsync(), cancellationToken);

    /// <summary>Escalates, once each, the received returns left uninspected beyond the policy's SLA.</summary>
    public Task<SweepResult> EscalateInspectionsAsync(CancellationToken cancellationToken) =>
        SweepAsync(ReturnIndex.InspectionSla, actor => actor.EscalateInspectionIfDueAsync(), cancellationToken);

    private Task<SweepResult> SweepAsync(string kind, Func<ReturnActor, Task<bool>> fire, CancellationToken cancellationToken) =>
        sweep.RunAsync(ReturnActor.TypeName, kind, (key, token) => actors.Get<ReturnActor>(key.TenantId, key.Id).AskAsync(fire, token),
            PageSize, Parallelism, cancellationToken);
}
