using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;

namespace ReverseLogistics.UnitTests.Pickups;

public sealed class PickupScheduleValidatorTests
{
    private static readonly PickupSchedule Valid = new()
    {
        Id = "PDX-DAILY",
        CarrierId = "UPS",
        CronExpression = "0 0 15 * * ?",
        Location = new PickupLocation
        {
            Id = "DP-PDX-7", Kind = PickupLocationKind.DropOffPoint, Name = "Pearl District drop-off", AddressLines = ["1200 NW Everett St"],
            City = "Portland", PostalCode = "97209", CountryCode = "US", TimeZone = "America/Los_Angeles",
        },
    };

    private static List<string> Violations(PickupSchedule schedule)
    {
        var v = new Validator();
        PickupScheduleValidator.Check(v, schedule, carrier => carrier == "UPS");
        var refused = Record.Exception(v.ThrowIfInvalid);
        return refused is InvalidInputException invalid ? [.. invalid.Violations.Select(x => x.Field)] : [];
    }

    [Fact]
    public void A_well_formed_schedule_passes()
    {
        Assert.Empty(Violations(Valid));
    }

    [Fact]
    public void The_location_address_has_the_limits_of_a_centre_address()
    {
        var tooLong = new string('a', 101);
        var location = Valid.Location with { Name = tooLong, AddressLines = [.. Enumerable.Repeat("line", 5)], City = tooLong };

        Assert.Equal(["schedule.location.name", "schedule.location.address_lines", "schedule.location.city"], Violations(Valid with { Location = location }));
        Assert.Equal(["schedule.location.address_lines"], Violations(Valid with { Location = Valid.Location with { AddressLines = [tooLong] } }));
    }
}
