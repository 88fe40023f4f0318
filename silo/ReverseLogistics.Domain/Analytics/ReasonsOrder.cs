namespace ReverseLogistics.Domain.Analytics;

/// <summary>What GetReturnReasons ranks every group by, highest first (<see cref="ReturnReasonsRanking"/>).</summary>
public enum ReasonsOrder
{
    UnitsReturned = 1,
    /// <summary>Units returned in the range less those of the period of the same length before it; groups that did not grow are left out.</summary>
    Growth = 2,
}
