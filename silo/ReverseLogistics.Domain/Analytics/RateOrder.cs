namespace ReverseLogistics.Domain.Analytics;

/// <summary>What GetReturnRate ranks every group by, highest first (<see cref="ReturnRateRanking"/>).</summary>
public enum RateOrder
{
    Returns = 1,
    UnitsReturned = 2,
    /// <summary>Units returned per unit sold; a group that sold nothing has no rate and is left out.</summary>
    ReturnRate = 3,
}
