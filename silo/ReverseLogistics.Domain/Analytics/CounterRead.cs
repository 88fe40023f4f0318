namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// Counters a report needs: one name, some key ranges. <see cref="OfPrevious"/> marks the reads of the period before
/// the range (reasons compare with it). <see cref="FirstKeys"/>, when set, asks only for the counters of that many
/// keys, the first ones (of every tenant read), of a read of one range. <see cref="Narrow"/>: each range holds a few keys
/// (one group's in a period), so many of them can share a query.
/// </summary>
public sealed record CounterRead(string Name, PeriodGrain Grain, IReadOnlyList<KeyRange> Ranges, bool OfPrevious = false, int? FirstKeys = null,
    bool Narrow = false);
