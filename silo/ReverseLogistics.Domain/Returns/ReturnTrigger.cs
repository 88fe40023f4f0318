namespace ReverseLogistics.Domain.Returns;

/// <summary>A command or event that may move a return to another state.</summary>
public enum ReturnTrigger
{
    Approve = 1,
    Reject = 2,
    SendToManualReview = 3,
    IssueLabel = 4,
    SchedulePickup = 5,
    AwaitDropOff = 6,
    MarkInTransit = 7,
    /// <summary>Some units arrived and some are still expected.</summary>
    ReceiveSome = 8,
    /// <summary>The last expected units arrived.</summary>
    ReceiveAll = 9,
    CompleteInspection = 10,
    IssueRefund = 11,
    ConfirmRefund = 12,
    IssueStoreCredit = 13,
    RequestExchange = 14,
    Close = 15,
    Cancel = 16,
    Expire = 17,
    RaiseException = 18,
    ResolveException = 19,
    /// <summary>Units the return did not expect arrived (more than expected, or another SKU); the state stays.</summary>
    RecordDiscrepancy = 20,
    /// <summary>One received line was graded; the return is inspected once every received line is.</summary>
    InspectLine = 21,
    /// <summary>The warehouse decided what becomes of an inspected line's units; the customer's lifecycle is not affected.</summary>
    AssignDisposition = 22,
    /// <summary>A received return waited longer than the policy's inspection SLA: recorded once, the state stays.</summary>
    EscalateInspection = 23,
    /// <summary>Sent to another centre before the parcel is on its way; the state does not change.</summary>
    Reroute = 24,
    /// <summary>The booked carrier pickup was cancelled before its cut-off; the label stays valid.</summary>
    CancelPickup = 25,
    /// <summary>Approved, but no centre could take the return: it waits, without a label, for an operator to reroute it.</summary>
    HoldUnrouted = 26,
}
