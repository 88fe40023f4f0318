namespace ReverseLogistics.Domain.Network;

/// <summary>An immutable view of a centre's bookings: what routing counts against its capacity.</summary>
public sealed class CenterLoad
{
    public static readonly CenterLoad Empty = new(new Dictionary<string, CapacityBooking>());

    private readonly IReadOnlyDictionary<string, CapacityBooking> bookings;
    private readonly Dictionary<DateOnly, int> unitsByDay;

    public CenterLoad(IReadOnlyDictionary<string, CapacityBooking> bookings)
    {
        this.bookings = bookings;
        unitsByDay = bookings.Values.GroupBy(b => b.Day).ToDictionary(g => g.Key, g => g.Sum(b => b.Units));
    }

    /// <summary>Units expected on <paramref name="day"/>, leaving out <paramref name="exceptReturn"/>'s own booking.</summary>
    public int ExpectedUnits(DateOnly day, string? exceptReturn = null)
    {
        var units = unitsByDay.GetValueOrDefault(day);
        if (exceptReturn is not null && bookings.TryGetValue(exceptReturn, out var own) && own.Day == day) units -= own.Units;
        return units;
    }

    public IEnumerable<(DateOnly Day, int Units)> From(DateOnly first) =>
        unitsByDay.Where(d => d.Key >= first && d.Value > 0).OrderBy(d => d.Key).Select(d => (d.Key, d.Value));
}
