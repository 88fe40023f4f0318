namespace ReverseLogistics.Domain.Analytics;

/// <summary>What a counter counts.</summary>
public enum Measure
{
    /// <summary>Returns requested (each return once per category or SKU it holds), not rejected, cancelled or expired.</summary>
    Returns = 1,
    /// <summary>Units sold, as the merchant reported them (SalesService).</summary>
    UnitsSold = 3,
    /// <summary>Units returned (the units each eligible line of those returns expects), keyed by reason code as well.</summary>
    ReasonUnits = 4,
    /// <summary>Returns refunded (refund or store credit issued), per span of their resolution and duration bucket (<see cref="DurationBuckets"/>).</summary>
    ResolutionReturns = 5,
    /// <summary>The seconds those returns spent in each span, summed.</summary>
    ResolutionSeconds = 6,
    /// <summary>Units given a disposition, keyed by grade and disposition as well.</summary>
    DispositionUnits = 7,
    /// <summary>What those units were refunded and what they recover (<see cref="RecoveryTable"/>), in minor units, keyed by currency.</summary>
    DispositionValue = 8,
}
