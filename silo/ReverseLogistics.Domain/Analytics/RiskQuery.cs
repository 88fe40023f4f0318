namespace ReverseLogistics.Domain.Analytics;

/// <summary>Customers with at least <see cref="MinReturns"/> returns requested in <see cref="Window"/>.</summary>
public sealed record RiskQuery(DayRange Window, int MinReturns);
