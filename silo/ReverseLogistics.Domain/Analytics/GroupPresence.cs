namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// Where a report's groups show before its figures are read: the measures whose month rows ("YYYY-MM|group", one per group and
/// month) list every group that can have figures in a range, in the range's months or, when <see cref="SinceFirstMonth"/>,
/// in every month from the first one with such a row up to the range's last.
/// </summary>
public sealed record GroupPresence(IReadOnlyList<Measure> Measures, bool SinceFirstMonth = false);
