using ReverseLogistics.Domain.Network;
using ReverseLogistics.Silo.Network;

namespace ReverseLogistics.UnitTests.Network;

public sealed class CenterLoadTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);

    private static readonly CenterLoad Load = new(new Dictionary<string, CapacityBooking>
    {
        ["acme/r1"] = new(Monday, 2),
        ["acme/r2"] = new(Monday, 3),
        ["acme/r3"] = new(Monday.AddDays(1), 4),
        ["acme/r0"] = new(Monday.AddDays(-1), 9),
    });

    [Fact]
    public void Counts_every_booking_of_the_day() => Assert.Equal(5, Load.ExpectedUnits(Monday));

    [Fact]
    public void Leaves_out_the_asking_returns_own_booking_on_that_day_only()
    {
        Assert.Equal(3, Load.ExpectedUnits(Monday, exceptReturn: "acme/r1"));
        Assert.Equal(5, Load.ExpectedUnits(Monday, exceptReturn: "acme/r3"));
    }

    [Fact]
    public void Lists_the_days_from_a_first_day_in_order() =>
        Assert.Equal([(Monday, 5), (Monday.AddDays(1), 4)], Load.From(Monday));
}
