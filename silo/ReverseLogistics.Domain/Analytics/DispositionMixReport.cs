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
        var groups = new GroupTallies<Tally>(query, () => new());
        var unitNames = new[] { PeriodGrain.Day, PeriodGrain.Month }.Select(grain => CounterNames.Name(Measure.DispositionUnits, query.Dimension, grain)).ToHashSet();
        foreach (var row in rows)
        {
            if (!query.Range.Contains(CounterNames.PeriodStart(row.Key, row.Read.Grain)) || !groups.TryGet(row.Key, row.Read.Grain, out var tally)) continue;
            // "…|grade|disposition" or "…|currency|refunded" and "…|currency|recovered": names that hold no escapes.
            var last = CounterNames.LastPartSpan(row.Key, out var beforeLast);
            if (unitNames.Contains(row.Read.Name))
            {
                var cell = (Enum.Parse<InspectionGrade>(beforeLast), Enum.Parse<Disposition>(last));
                tally.Units[cell] = checked(tally.Units.GetValueOrDefault(cell) + row.Value);
            }
            else
            {
                var currency = beforeLast.ToString();
                var value = tally.Values.GetValueOrDefault(currency);
                tally.Values[currency] = last.SequenceEqual(ReturnOutcomes.Refunded)
                    ? (checked(value.Refunded + row.Value), value.Recovered)
                    : (value.Refunded, checked(value.Recovered + row.Value));
            }
        }
        return [.. groups.InGroupOrder()
            .Where(g => g.Tally.Units.Values.Any(u => u != 0) || g.Tally.Values.Values.Any(v => v != (0, 0))
                || query.Dimension == Dimension.Overall || query.Only == g.Group)
            .Select(g => Group(g.Group, g.Tally))];
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
