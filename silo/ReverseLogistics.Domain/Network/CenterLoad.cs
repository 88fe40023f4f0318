namespace ReverseLogistics.Domain.Network;

/// <summary>An immutable view of a centre's booked units per arrival day: what routing counts against its capacity.</summary>
public sealed class CenterLoad(IReadOnlyDictionary<DateOnly, int> unitsByDay)
{
    public static readonly CenterLoad Empty = new(new Dictionary<DateOnly, int>());

    /// <summary>Units expected on <paramref name="day"/>, leaving out <paramref name="own"/>, the asking return's booking there.</summary>
    public int ExpectedUnits(DateOnly day, CapacityBooking? own = null) =>
        unitsByDay.GetValueOrDefault(day) - (own?.Day == day ? own.Units : 0);

    public IEnumerable<(DateOnly Day, int Units)> From(DateOnly first) =>
        unitsByDay.Where(d => d.Key >= first && d.Value > 0).OrderBy(d => d.Key).Select(d => (d.Key, d.Value));

    /// <summary>This load with <paramref name="day"/> holding <paramref name="units"/>, the days before <paramref name="keptFrom"/> left out.</summary>
    public CenterLoad With(DateOnly day, int units, DateOnly keptFrom) =>
        new(new Dictionary<DateOnly, int>(unitsByDay.Where(d => d.Key >= keptFrom)) { [day] = units });
}
