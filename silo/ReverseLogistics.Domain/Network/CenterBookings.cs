namespace ReverseLogistics.Domain.Network;

/// <summary>
/// A centre's booked units per arrival day, in memory (docs/performance.md, "CreateReturn with a fulfilment network"):
/// the units the returns' committed counters held when the centre's grain started, plus what it granted and released
/// since. It knows each return it granted or released, so a retried booking never counts twice and a release subtracts
/// once; a return booked before it started is known once it books or releases again (it tells what it holds).
/// </summary>
public sealed class CenterBookings
{
    private readonly Dictionary<DateOnly, int> unitsByDay;
    // By return ("tenant/return id"); a released one stays known with 0 units until its day has passed.
    private readonly Dictionary<string, CapacityBooking> known = [];
    private DateOnly keptFrom;

    /// <param name="counted">Units per day as the counters held them (today and later).</param>
    public CenterBookings(IReadOnlyDictionary<DateOnly, int> counted, DateOnly today)
    {
        unitsByDay = new Dictionary<DateOnly, int>(counted);
        keptFrom = today;
    }

    public int UnitsOn(DateOnly day) => unitsByDay.GetValueOrDefault(day);

    /// <summary>Units per day from <paramref name="first"/> on, days without any left out.</summary>
    public IReadOnlyDictionary<DateOnly, int> From(DateOnly first) =>
        unitsByDay.Where(d => d.Key >= first && d.Value > 0).ToDictionary(d => d.Key, d => d.Value);

    /// <summary>
    /// Books <paramref name="booking"/> for the return unless the day's units, its own booking left out, already reach
    /// <paramref name="dailyCapacity"/>. <paramref name="held"/>: the booking the return's committed state holds here.
    /// </summary>
    public bool TryBook(string returnKey, CapacityBooking booking, CapacityBooking? held, int dailyCapacity, DateOnly today)
    {
        Forget(today);
        var own = Own(returnKey, held);
        if (own is not null && own.SameLoadAs(booking)) return true;
        var expected = UnitsOn(booking.Day) - (own?.Day == booking.Day ? own.Units : 0);
        if (expected >= dailyCapacity) return false;
        if (own is not null) Move(own.Day, -own.Units);
        Move(booking.Day, booking.Units);
        known[returnKey] = booking;
        return true;
    }

    /// <summary>Frees the return's booking; <paramref name="held"/> is what its committed state holds here (counted before this started).</summary>
    public void Release(string returnKey, CapacityBooking? held, DateOnly today)
    {
        Forget(today);
        if (Own(returnKey, held) is not { Units: > 0 } own) return;
        Move(own.Day, -own.Units);
        known[returnKey] = own with { Units = 0 };
    }

    /// <summary>The bookings granted here for <paramref name="today"/> or later before <paramref name="bookedBefore"/>, by return.</summary>
    public List<KeyValuePair<string, CapacityBooking>> GrantedBefore(DateTime bookedBefore, DateOnly today) =>
        [.. known.Where(b => b.Value is { Units: > 0, BookedAt: { } at } && at < bookedBefore && b.Value.Day >= today)];

    /// <summary>The booking the centre counts for the return now, if any.</summary>
    public CapacityBooking? Of(string returnKey) => known.GetValueOrDefault(returnKey);

    private CapacityBooking? Own(string returnKey, CapacityBooking? held) =>
        known.TryGetValue(returnKey, out var booking) ? booking : held;

    private void Move(DateOnly day, int units)
    {
        var total = UnitsOn(day) + units;
        if (total == 0) unitsByDay.Remove(day);
        else unitsByDay[day] = total;
    }

    /// <summary>Once a day: past days no longer limit anything.</summary>
    private void Forget(DateOnly today)
    {
        if (today <= keptFrom) return;
        keptFrom = today;
        foreach (var past in known.Where(b => b.Value.Day < today).Select(b => b.Key).ToList()) known.Remove(past);
        foreach (var past in unitsByDay.Keys.Where(day => day < today).ToList()) unitsByDay.Remove(past);
    }
}
