using ReverseLogistics.Text;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// The groups of one page of a report over every SKU or category, found before its figures are read (<see cref="GroupPages"/>),
/// so the page reads its own groups' counters and not every group's. In <see cref="CounterNames.GroupOrder"/>.
/// </summary>
public sealed class GroupPage
{
    private readonly HashSet<string> members;
    private readonly string? firstKey, lastKey, firstKeyFurther, lastKeyFurther;

    /// <param name="holdsEveryGroup">Whether the page holds every group the report can have: then it is read as every group is.</param>
    public GroupPage(IEnumerable<string> groups, bool holdsEveryGroup = false)
    {
        HoldsEveryGroup = holdsEveryGroup;
        Groups = [.. groups.Distinct(StringComparer.Ordinal).Order(CounterNames.GroupOrder)];
        members = new(Groups, StringComparer.Ordinal);
        if (Groups.Count == 0) return;
        var escaped = Groups.Select(CounterNames.Escape).ToList();
        (firstKey, lastKey) = (escaped[0], escaped[^1]);
        // Keys keyed further ("P|group|reason") order as the escaped name followed by '|': "SKU-1|…" comes before "SKU|…".
        var further = escaped.Select(e => e + CounterNames.Separator).Order(CodePointOrder.Instance).ToList();
        (firstKeyFurther, lastKeyFurther) = (further[0], further[^1]);
    }

    public IReadOnlyList<string> Groups { get; }

    /// <summary>
    /// The first page and the last (fifty categories, a small catalogue): one range of keys per period grain reads it, as
    /// it reads every group, cheaper than a range per period when the groups are all there are.
    /// </summary>
    public bool HoldsEveryGroup { get; }

    public bool Contains(string group) => members.Contains(group);

    /// <summary>
    /// The keys of one period (<paramref name="periodPrefix"/>, "2026-03|") that hold the page's groups: one range from its first
    /// group's keys to its last's, which also holds the few groups that sort between them in key order but not in group order.
    /// </summary>
    internal KeyRange Span(string periodPrefix, bool keyedFurther) => keyedFurther
        ? new(periodPrefix + firstKeyFurther, periodPrefix + lastKeyFurther![..^1] + (char)(CounterNames.Separator + 1))
        : new(periodPrefix + firstKey, periodPrefix + lastKey + "\u0001");
}
