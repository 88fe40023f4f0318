namespace ReverseLogistics.Domain.Network;

/// <summary>When a centre receives on one weekday, in its own time zone.</summary>
public sealed record OpeningHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);
