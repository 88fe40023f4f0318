namespace ReverseLogistics.Domain.Analytics;

/// <summary>What a resolution duration measures: the whole way from request to refund, or one stage of it.</summary>
public enum ResolutionSpan
{
    RequestToRefund = 0,
    /// <summary>Requested to approved (manual review included).</summary>
    Approval = 1,
    /// <summary>Approved to the parcel's arrival at the centre.</summary>
    InTransit = 2,
    /// <summary>Arrival to the inspection of the last line.</summary>
    AwaitingInspection = 3,
    /// <summary>Inspected to refund or store credit issued.</summary>
    Refund = 4,
}
