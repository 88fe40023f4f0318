namespace ReverseLogistics.Domain.Analytics;

/// <summary>How a range is cut into periods.</summary>
public enum Interval
{
    /// <summary>Not cut: the range is one period.</summary>
    Whole = 0,
    Day = 1,
    /// <summary>ISO weeks, Monday to Sunday, the first and last cut at the range's ends.</summary>
    Week = 2,
    /// <summary>Calendar months, the first and last cut at the range's ends.</summary>
    Month = 3,
}
