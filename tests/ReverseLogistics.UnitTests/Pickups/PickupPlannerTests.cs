using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.UnitTests.Pickups;

/// <summary>Which carrier windows are offered, and when they are in UTC: pure domain rules.</summary>
public sealed class PickupPlannerTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateTime Now = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc); // a Sunday
    private static readonly CustomerAddress Address = new() { Line1 = "Hauptstr. 1", City = "Berlin", PostalCode = "10115", CountryCode = "DE" };

    private static Carrier Carrier(string id, string prefix = "10", params PickupWindow[] windows) => new()
    {
        Id = id,
        ServiceAreas = [new ServiceArea("DE", [prefix])],
        ReturnMethods = [ReturnMethod.CarrierPickup],
        PickupWindows = windows.Length == 0 ? [new PickupWindow(DayOfWeek.Monday, new(9, 0), new(12, 0), 5)] : windows,
        PickupCutoff = TimeSpan.FromHours(3),
    };

    [Fact]
    public void Only_carriers_collecting_carrier_pickups_at_the_address_and_delivering_to_the_centre_are_offered_by_id()
    {
        Carrier[] all =
        [
            Carrier("ZED"), Carrier("ALPHA"), Carrier("MUNICH", prefix: "80"),
            Carrier("DROPS") with { ReturnMethods = [ReturnMethod.DropOffPoint] },
            Carrier("ELSEWHERE") with { CenterIds = ["FC-OTHER"] },
            Carrier("NOWINDOWS") with { PickupWindows = [] },
        ];

        Assert.Equal(["ALPHA", "ZED"], PickupPlanner.CarriersFor(all, Address, "FC-BER-1").Select(c => c.Id));
    }

    [Fact]
    public void Slots_are_local_windows_in_utc_earliest_first_then_by_carrier_and_closed_ones_are_not_offered()
    {
        var carriers = new[]
        {
            Carrier("B", windows: [new(DayOfWeek.Monday, new(9, 0), new(12, 0), 5), new(DayOfWeek.Monday, new(7, 0), new(8, 0), 5)]),
            Carrier("A"),
        };
        var monday = new DateOnly(2026, 11, 23);

        var slots = PickupPlanner.SlotsOn(carriers, new PickupRequest(monday, null), Berlin, Now);
        var closed = PickupPlanner.SlotsOn(carriers, new PickupRequest(monday, new TimeOnly(9, 0)), Berlin, new DateTime(2026, 11, 23, 5, 0, 0, DateTimeKind.Utc));

        Assert.Equal(["B@20261123T0600Z", "A@20261123T0800Z", "B@20261123T0800Z"], slots.Select(s => s.WindowId));
        var nine = slots[1];
        Assert.Equal((new DateTime(2026, 11, 23, 8, 0, 0), new DateTime(2026, 11, 23, 11, 0, 0), new DateTime(2026, 11, 23, 5, 0, 0)),
            (nine.StartUtc, nine.EndUtc, nine.CutoffUtc));
        Assert.Equal("Europe/Berlin", nine.TimeZone);
        Assert.Empty(closed); // 05:00 UTC is the cut-off of the 09:00 windows
    }

    [Fact]
    public void A_window_inside_the_daylight_saving_gap_does_not_exist_that_day()
    {
        var carriers = new[] { Carrier("A", windows: [new(DayOfWeek.Sunday, new(2, 30), new(4, 0), 5)]) };

        Assert.Empty(PickupPlanner.SlotsOn(carriers, new PickupRequest(new DateOnly(2027, 3, 28), null), Berlin, Now));
        Assert.Single(PickupPlanner.SlotsOn(carriers, new PickupRequest(new DateOnly(2027, 4, 4), null), Berlin, Now));
    }

    [Fact]
    public void Rebooking_offers_the_windows_after_a_time_day_by_day()
    {
        var carriers = new[] { Carrier("A") };

        var next = PickupPlanner.SlotsAfter(carriers, new DateTime(2026, 11, 23, 11, 0, 0, DateTimeKind.Utc), Berlin, Now).Take(2).ToList();

        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 7)], next.Select(s => s.Date));
    }
}
