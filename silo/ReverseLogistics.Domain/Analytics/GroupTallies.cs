namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// A report's figures per group, found from each counter's key. Looked up by the key's group part as it stands, so a
/// group's name is made once and not for every counter (a page of SKUs reads tens of thousands of them); a part holding
/// an escape is not its name and takes the long way. Put in group order once at the end: group order compares escaped
/// names, too dear for every counter. The whole business is the group "".
/// </summary>
internal sealed class GroupTallies<T> where T : notnull
{
    private readonly AnalyticsQuery query;
    private readonly Func<T> create;
    private readonly Dictionary<string, T> tallies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> byPart;

    /// <summary>The whole business, or the one group asked for, is listed even without figures.</summary>
    public GroupTallies(AnalyticsQuery query, Func<T> create)
    {
        this.query = query;
        this.create = create;
        byPart = tallies.GetAlternateLookup<ReadOnlySpan<char>>();
        if (query.Dimension == Dimension.Overall) tallies[""] = create();
        else if (query.Only is { } only) tallies[only] = create();
    }

    /// <summary>The tally of the group <paramref name="key"/> belongs to; false when the query leaves that group out.</summary>
    public bool TryGet(string key, PeriodGrain grain, out T tally)
    {
        var part = query.Dimension == Dimension.Overall ? [] : CounterNames.FirstPartSpan(key, grain);
        if (!part.Contains('%') && byPart.TryGetValue(part, out tally!)) return true;
        var group = query.GroupOf(key, grain);
        if (!query.Counts(group))
        {
            tally = default!;
            return false;
        }
        if (!tallies.TryGetValue(group, out tally!)) tallies[group] = tally = create();
        return true;
    }

    /// <summary>Every group found (and the one asked for), in <see cref="CounterNames.GroupOrder"/>.</summary>
    public IEnumerable<(string Group, T Tally)> InGroupOrder() => tallies.OrderBy(t => t.Key, CounterNames.GroupOrder).Select(t => (t.Key, t.Value));
}
