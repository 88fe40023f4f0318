namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// What one object (a return, a day's sales) adds to its tenant's counters in its current state. The object's commit
/// moves the counters by the difference between what its new state and its old state contribute
/// (<see cref="Diff"/>), so any change keeps the aggregates exact without rules per event.
/// </summary>
public sealed class Contribution
{
    private readonly Dictionary<CounterCell, long> values = [];

    public IReadOnlyDictionary<CounterCell, long> Values => values;

    public void Add(string name, string key, long value)
    {
        if (value == 0) return;
        var cell = new CounterCell(name, key);
        var sum = checked(values.GetValueOrDefault(cell) + value);
        if (sum == 0) values.Remove(cell);
        else values[cell] = sum;
    }

    /// <summary>By how much each counter moves when <paramref name="before"/> (null: nothing) becomes <paramref name="after"/>; counters that do not move are left out.</summary>
    public static IReadOnlyList<(CounterCell Cell, long Delta)> Diff(Contribution? before, Contribution? after)
    {
        var deltas = new Dictionary<CounterCell, long>();
        foreach (var (cell, value) in after?.values ?? []) deltas[cell] = value;
        foreach (var (cell, value) in before?.values ?? []) deltas[cell] = checked(deltas.GetValueOrDefault(cell) - value);
        return [.. deltas.Where(d => d.Value != 0).Select(d => (d.Key, d.Value))
            .OrderBy(d => d.Key.Name, StringComparer.Ordinal).ThenBy(d => d.Key.Key, StringComparer.Ordinal)];
    }
}
