using ReverseLogistics.Domain.Network;

namespace ReverseLogistics.UnitTests.Network;

/// <summary>A centre's bookings in memory: counted units from the counters, then what it grants and releases.</summary>
public sealed class CenterBookingsTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateOnly Day = Today.AddDays(2);
    private static readonly DateTime At = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    private static CapacityBooking Booking(DateOnly day, int units) => new(day, units, At);

    [Fact]
    public void Counted_units_and_grants_add_up_until_the_daily_capacity_is_reached()
    {
        var bookings = new CenterBookings(new Dictionary<DateOnly, int> { [Day] = 3 }, Today);

        var first = bookings.TryBook("acme/r-1", Booking(Day, 1), held: null, dailyCapacity: 5, Today);
        var second = bookings.TryBook("acme/r-2", Booking(Day, 2), held: null, dailyCapacity: 5, Today);
        var full = bookings.TryBook("acme/r-3", Booking(Day, 1), held: null, dailyCapacity: 5, Today);

        Assert.Equal((true, true, false), (first, second, full));
        Assert.Equal(6, bookings.UnitsOn(Day)); // the last booking admitted may overshoot, as routing has always allowed
    }

    [Fact]
    public void A_retried_booking_counts_once_and_a_changed_one_replaces_it()
    {
        var bookings = new CenterBookings(new Dictionary<DateOnly, int>(), Today);

        bookings.TryBook("acme/r-1", Booking(Day, 2), held: null, dailyCapacity: 10, Today);
        bookings.TryBook("acme/r-1", Booking(Day, 2), held: null, dailyCapacity: 10, Today);
        Assert.Equal(2, bookings.UnitsOn(Day));

        bookings.TryBook("acme/r-1", Booking(Day.AddDays(1), 2), held: null, dailyCapacity: 10, Today);
        Assert.Equal((0, 2), (bookings.UnitsOn(Day), bookings.UnitsOn(Day.AddDays(1))));
    }

    [Fact]
    public void A_release_subtracts_once_whether_the_centre_granted_the_booking_or_counted_it()
    {
        var bookings = new CenterBookings(new Dictionary<DateOnly, int> { [Day] = 4 }, Today);
        bookings.TryBook("acme/granted", Booking(Day, 1), held: null, dailyCapacity: 10, Today);

        bookings.Release("acme/granted", held: null, Today);
        bookings.Release("acme/granted", held: null, Today);
        bookings.Release("acme/counted", held: new CapacityBooking(Day, 3), Today);
        bookings.Release("acme/counted", held: new CapacityBooking(Day, 3), Today);

        Assert.Equal(1, bookings.UnitsOn(Day));
    }

    [Fact]
    public void A_return_counted_before_the_centre_started_rebooks_in_place_of_what_it_held()
    {
        var bookings = new CenterBookings(new Dictionary<DateOnly, int> { [Day] = 5 }, Today);

        var sameDay = bookings.TryBook("acme/r-1", Booking(Day, 3), held: new CapacityBooking(Day, 2), dailyCapacity: 5, Today);
        var stranger = bookings.TryBook("acme/r-2", Booking(Day, 1), held: null, dailyCapacity: 5, Today);

        Assert.Equal((true, false, 6), (sameDay, stranger, bookings.UnitsOn(Day)));
    }

    [Fact]
    public void Grants_are_listed_by_when_they_were_made_and_past_days_are_forgotten()
    {
        var bookings = new CenterBookings(new Dictionary<DateOnly, int> { [Today] = 1, [Day] = 1 }, Today);
        bookings.TryBook("acme/today", Booking(Today, 1), held: null, dailyCapacity: 10, Today);
        bookings.TryBook("acme/later", Booking(Day, 1), held: null, dailyCapacity: 10, Today);
        bookings.TryBook("acme/counted", Booking(Day, 1), held: new CapacityBooking(Day, 1), dailyCapacity: 10, Today);

        Assert.Equal(["acme/later", "acme/today"], bookings.GrantedBefore(At.AddSeconds(1), Today).Select(b => b.Key).Order());
        Assert.Empty(bookings.GrantedBefore(At, Today));

        bookings.TryBook("acme/next", Booking(Day, 1), held: null, dailyCapacity: 10, Today.AddDays(1));
        Assert.Equal(["acme/later", "acme/next"], bookings.GrantedBefore(DateTime.MaxValue, Today.AddDays(1)).Select(b => b.Key).Order());
        Assert.Equal((0, 3), (bookings.UnitsOn(Today), bookings.UnitsOn(Day)));
        Assert.Equal(new Dictionary<DateOnly, int> { [Day] = 3 }, bookings.From(Today));
    }
}
