using ReverseLogistics.Domain.Network;

namespace ReverseLogistics.UnitTests.Network;

public sealed class CenterLoadTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static readonly CenterLoad Load = new(new Dictionary<DateOnly, int>
    {
        [Monday] = 5,
        [Monday.AddDays(1)] = 4,
        [Monday.AddDays(-1)] = 9,
    });

    [Fact]
    public void Counts_every_booking_of_the_day() => Assert.Equal(5, Load.ExpectedUnits(Monday));

    [Fact]
    public void Leaves_out_the_asking_returns_own_booking_on_that_day_only()
    {
        Assert.Equal(3, Load.ExpectedUnits(Monday, own: new CapacityBooking(Monday, 2)));
        Assert.Equal(5, Load.ExpectedUnits(Monday, own: new CapacityBooking(Monday.AddDays(1), 4)));
    }

    [Fact]
    public void Lists_the_days_from_a_first_day_in_order() =>
        Assert.Equal([(Monday, 5), (Monday.AddDays(1), 4)], Load.From(Monday));

    [Fact]
    public void A_day_learnt_from_a_centre_replaces_that_day_only_and_past_days_are_dropped() =>
        Assert.Equal([(Monday, 7), (Monday.AddDays(1), 4)], Load.With(Monday, 7, keptFrom: Monday).From(Monday.AddDays(-7)));
}
