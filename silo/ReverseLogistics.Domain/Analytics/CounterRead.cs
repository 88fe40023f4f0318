namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// Counters a report needs: one name, some key ranges. <see cref="OfPrevious"/> marks the reads of the period before
/// the range (reasons compare with it).
/// </summary>
public sealed record CounterRead(string Name, PeriodGrain Grain, IReadOnlyList<KeyRange> Ranges, bool OfPrevious = false);
