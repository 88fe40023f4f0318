namespace ReverseLogistics.Domain.Analytics;

/// <summary>Parcels arrived and units received on the days of a period.</summary>
public sealed record ReceivingPeriod(DayRange Days, long Parcels, long Units);
