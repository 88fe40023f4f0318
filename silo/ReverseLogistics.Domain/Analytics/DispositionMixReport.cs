using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// The disposition mix from the counters (<see cref="ReturnOutcomes"/>): units by grade and disposition, and what they were
/// refunded and recover per currency, of the units whose disposition was recorded in the range; grouped as the return rate.
/// </summary>
public static class DispositionMixReport
{
    /// <summary>
    /// A group has dispositions in a month only if it had returns then or before: its returns' month rows list it from the
    /// first month it was returned in.
    /// </summary>
    public static readonly GroupPresence Presence = new([Measure.Returns], SinceFirstMonth: true);

    public static IReadOnlyList<CounterRead> Reads(AnalyticsQuery query) =>
    [
        .. query.Reads(Measure.DispositionUnits, query.Range, daysOnly: false, ofPrevious: false, keyedFurther: true),
        .. query.Reads(Measure.DispositionValue, query.Range, daysOnly: false, ofPrevious: false, keyedFurther: true),
    ];

    /// <summary>Every group (of the page) with units or values in the range (and the one asked for, or the whole business, even without), in group order.</summary>
    public static IReadOnlyList<DispositionGroup> Build(AnalyticsQuery query, IEnumerable<CounterRow> rows)
    {
        // Put in group order once at the end: group order escapes both names at every comparison, too dear for every counter.
        var groups = new Dictionary<string, Tally>(StringComparer.Ordinal);
        if (query.Dimension == Dimension.Overall) groups[""] = new();
        else if (query.Only is { } only) groups[only] = new();
        var unitNames = new[] { PeriodGrain.Day, PeriodGrain.Month }.Select(grain => CounterNames.Name(Measure.DispositionUnits, query.Dimension, grain)).ToHashSet();
        foreach (var row in rows)
        {
            if (!query.Range.Contains(CounterNames.PeriodStart(row.Key, row.Read.Grain))) continue;
            var group = query.GroupOf(row.Key, row.Read.Grain);
            if (!query.Counts(group)) continue;
            if (!groups.TryGetValue(group, out var tally)) groups[group] = tally = new();
            var parts = CounterNames.Parts(row.Key, row.Read.Grain);
            if (unitNames.Contains(row.Read.Name))
            {
                var cell = (Enum.Parse<InspectionGrade>(parts[^2]), Enum.Parse<Disposition>(parts[^1]));
                tally.Units[cell] = checked(tally.Units.GetValueOrDefault(cell) + row.Value);
            }
            else
            {
                var value = tally.Values.GetValueOrDefault(parts[^2]);
                tally.Values[parts[^2]] = parts[^1] == ReturnOutcomes.Refunded
                    ? (checked(value.Refunded + row.Value), value.Recovered)
                    : (value.Refunded, checked(value.Recovered + row.Value));
            }
        }
        return [.. groups.OrderBy(g => g.Key, CounterNames.GroupOrder)
            .Where(g => g.Value.Units.Values.Any(u => u != 0) || g.Value.Values.Values.Any(v => v != (0, 0))
                || query.Dimension == Dimension.Overall || query.Only == g.Key)
            .Select(g => Group(g.Key, g.Value))];
    }

    private static DispositionGroup Group(string name, Tally tally)
    {
        var cells = tally.Units.Where(c => c.Value != 0).OrderBy(c => c.Key.Grade).ThenBy(c => c.Key.Disposition)
            .Select(c => new DispositionCell(c.Key.Grade, c.Key.Disposition, c.Value)).ToList();
        var values = tally.Values.Where(v => v.Value != (0, 0)).OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new RecoveryValue(v.Key, v.Value.Refunded, v.Value.Recovered)).ToList();
        return new DispositionGroup(name, cells.Sum(c => c.Units), cells, values);
    }

    private sealed class Tally
    {
        public Dictionary<(InspectionGrade Grade, Disposition Disposition), long> Units { get; } = [];
        public Dictionary<string, (long Refunded, long Recovered)> Values { get; } = new(StringComparer.Ordinal);
    }
}
