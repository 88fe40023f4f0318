namespace ReverseLogistics.Domain.Analytics;

/// <summary>What a counter counts.</summary>
public enum Measure
{
    /// <summary>Returns requested (each return once per category or SKU it holds), not rejected, cancelled or expired.</summary>
    Returns = 1,
    /// <summary>Units on those returns (the units each eligible line expects).</summary>
    UnitsReturned = 2,
    /// <summary>Units sold, as the merchant reported them (SalesService).</summary>
    UnitsSold = 3,
    /// <summary>Units returned, keyed by reason code as well.</summary>
    ReasonUnits = 4,
}
