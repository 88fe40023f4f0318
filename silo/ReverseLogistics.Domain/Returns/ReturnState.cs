namespace ReverseLogistics.Domain.Returns;

/// <summary>Where a return (RMA) is in its life. See <see cref="ReturnTransitions"/> for the moves between them.</summary>
public enum ReturnState
{
    Requested = 1,
    ManualReview = 2,
    Approved = 3,
    Rejected = 4,
    LabelIssued = 5,
    AwaitingPickup = 6,
    AwaitingDropoff = 7,
    InTransit = 8,
    PartiallyReceived = 9,
    Received = 10,
    Inspected = 11,
    RefundPending = 12,
    Refunded = 13,
    StoreCreditIssued = 14,
    ExchangeRequested = 15,
    Closed = 16,
    Cancelled = 17,
    Expired = 18,
    Exception = 19,
}
