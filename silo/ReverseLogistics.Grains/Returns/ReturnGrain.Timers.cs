using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Grains.Returns;

/// <summary>The scheduler's sweeps: each timer re-checks the return's own state, since the sweep's index may be stale.</summary>
public sealed partial class ReturnGrain
{
    /// <summary>
    /// The label-expiry timer (the scheduler's sweep): expires the return if its label has outlived the
    /// policy's validity by now. The sweep's index may be stale, so the actor decides on its own state.
    /// </summary>
    /// <returns>Whether the return expired in this turn.</returns>
    public async Task<bool> ExpireLabelIfDueAsync()
    {
        var now = Now;
        if (!Exists || ReturnTimers.LabelExpiresAt(State.Rma, State.Policy) is not { } expiresAt || expiresAt > now) return false;
        await ReleasePickupBeforeCutoffAsync(now);
        var entry = new Rma(State.Rma).Apply(ReturnTrigger.Expire, "system:label-expiry", now,
            $"label valid {State.Policy.LabelValidDays} days, until {ReturnIndex.Timestamp(expiresAt)}; not shipped");
        await CommitAsync([entry], null, now);
        return true;
    }

    /// <summary>
    /// The inspection-SLA timer: records an escalation on the timeline, once, if the return has waited
    /// for inspection longer than the policy allows. The state does not change.
    /// </summary>
    /// <returns>Whether the return was escalated in this turn.</returns>
    public async Task<bool> EscalateInspectionIfDueAsync()
    {
        var now = Now;
        if (!Exists || ReturnTimers.InspectionDueAt(State.Rma, State.Policy) is not { } dueAt || dueAt > now) return false;
        var entry = new Rma(State.Rma).Apply(ReturnTrigger.EscalateInspection, "system:inspection-sla", now,
            $"not inspected within {State.Policy.InspectionSlaHours} hours of receipt (due {ReturnIndex.Timestamp(dueAt)})");
        await CommitAsync([entry], null, now);
        return true;
    }
}
