namespace ReverseLogistics.Domain.Analytics;

/// <summary>Returns requested in a period, their units, and the units sold in it.</summary>
public sealed record RatePeriod(DayRange Period, long Returns, long UnitsReturned, long UnitsSold)
{
    /// <summary>Units returned per unit sold; null when none was sold.</summary>
    public double? Rate => UnitsSold == 0 ? null : (double)UnitsReturned / UnitsSold;
}
