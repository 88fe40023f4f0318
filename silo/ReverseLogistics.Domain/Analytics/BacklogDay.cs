namespace ReverseLogistics.Domain.Analytics;

/// <summary>Units received and not yet inspected whose parcel arrived on <see cref="Day"/>.</summary>
public sealed record BacklogDay(DateOnly Day, long Units);
