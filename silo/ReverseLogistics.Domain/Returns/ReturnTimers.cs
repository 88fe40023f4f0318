using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// When a return's timers fall due under the policy it was created with: the label's expiry while
/// the parcel has not been handed over, and the inspection SLA once units have arrived. Null: no
/// timer runs in the return's current state.
/// </summary>
public static class ReturnTimers
{
    public static DateTime? LabelExpiresAt(RmaState rma, ReturnPolicy policy)
    {
        if (rma.State is not (ReturnState.LabelIssued or ReturnState.AwaitingPickup or ReturnState.AwaitingDropoff)) return null;
        // A drop-off approved without a label counts from its approval.
        var issued = rma.Timeline.LastOrDefault(e => e.Trigger == ReturnTrigger.IssueLabel)
            ?? rma.Timeline.LastOrDefault(e => e.Trigger == ReturnTrigger.Approve);
        return issued?.At.AddDays(policy.LabelValidDays);
    }

    /// <summary>Counted from the first receipt; none once the return was escalated (escalation happens once).</summary>
    public static DateTime? InspectionDueAt(RmaState rma, ReturnPolicy policy)
    {
        if (rma.State is not (ReturnState.Received or ReturnState.PartiallyReceived)) return null;
        if (rma.Timeline.Any(e => e.Trigger == ReturnTrigger.EscalateInspection)) return null;
        var firstReceipt = rma.Timeline.FirstOrDefault(e => e.Trigger is ReturnTrigger.ReceiveSome or ReturnTrigger.ReceiveAll);
        return firstReceipt?.At.AddHours(policy.InspectionSlaHours);
    }
}
