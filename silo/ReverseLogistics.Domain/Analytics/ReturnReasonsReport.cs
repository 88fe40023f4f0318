namespace ReverseLogistics.Domain.Analytics;

/// <summary>Reasons from the counters (units returned per reason code), in the range and in the period of the same length before it.</summary>
public static class ReturnReasonsReport
{
    public const int DefaultTop = 5;
    public const int MaxTop = 100;

    /// <summary>A group has reasons in a month only if it has returns that month.</summary>
    public static readonly GroupPresence Presence = new([Measure.Returns]);

    public static IReadOnlyList<CounterRead> Reads(AnalyticsQuery query) =>
    [
        .. query.Reads(Measure.ReasonUnits, query.Range, daysOnly: false, ofPrevious: false, keyedFurther: true),
        .. query.Reads(Measure.ReasonUnits, query.Range.Preceding(), daysOnly: false, ofPrevious: true, keyedFurther: true),
    ];

    /// <summary>Every group (of the page) with returns in the range (and the one asked for, or the whole business, even without), in group order.</summary>
    public static IReadOnlyList<ReasonsGroup> Build(AnalyticsQuery query, IEnumerable<CounterRow> rows, int top)
    {
        var previousRange = query.Range.Preceding();
        var groups = new GroupTallies<(Dictionary<string, long> Now, Dictionary<string, long> Before)>(query, () => ([], []));
        foreach (var row in rows)
        {
            var start = CounterNames.PeriodStart(row.Key, row.Read.Grain);
            if (!(row.Read.OfPrevious ? previousRange : query.Range).Contains(start) || !groups.TryGet(row.Key, row.Read.Grain, out var reasons)) continue;
            var counts = row.Read.OfPrevious ? reasons.Before : reasons.Now;
            var reason = CounterNames.LastPart(row.Key);
            counts[reason] = checked(counts.GetValueOrDefault(reason) + row.Value);
        }
        return [.. groups.InGroupOrder()
            .Where(group => group.Tally.Now.Values.Any(units => units != 0) || IsAsked(query, group.Group))
            .Select(group => Group(group.Group, group.Tally.Now, group.Tally.Before, top))];
    }

    private static ReasonsGroup Group(string name, Dictionary<string, long> now, Dictionary<string, long> before, int top)
    {
        var units = now.Values.Sum();
        var previousUnits = before.Values.Sum();
        var ranked = now.Where(r => r.Value != 0)
            .OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new ReasonShare(r.Key, r.Value, Share(r.Value, units)))
            .ToList();
        var listed = ranked.Take(top).ToList();
        ReasonGrowth? fastest = null;
        if (previousUnits > 0)
        {
            fastest = ranked
                .Select(r => new ReasonGrowth(r.ReasonCode, r.Share, Share(before.GetValueOrDefault(r.ReasonCode), previousUnits)))
                .Where(g => g.Share > g.PreviousShare)
                .OrderByDescending(g => g.Share - g.PreviousShare).ThenBy(g => g.ReasonCode, StringComparer.Ordinal)
                .FirstOrDefault();
        }
        return new ReasonsGroup(name, units, listed, units - listed.Sum(r => r.Units), previousUnits, fastest);
    }

    private static bool IsAsked(AnalyticsQuery query, string group) => query.Dimension == Dimension.Overall || query.Only == group;

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
