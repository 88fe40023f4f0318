namespace ReverseLogistics.Domain.Analytics;

/// <summary>How long a counter's period is: every counted figure is kept per day and per calendar month (UTC).</summary>
public enum PeriodGrain
{
    Day = 1,
    Month = 2,
}
