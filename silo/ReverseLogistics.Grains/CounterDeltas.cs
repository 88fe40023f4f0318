using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains;

/// <summary>The store's counter deltas for a change of what an object contributes (<see cref="Contribution.Diff"/>).</summary>
public static class CounterDeltas
{
    public static List<CounterDelta> Of(Contribution? before, Contribution? after) =>
        [.. Contribution.Diff(before, after).Select(d => new CounterDelta(d.Cell.Name, d.Cell.Key, d.Delta))];
}
