using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using static ReverseLogistics.UnitTests.Routing.RoutingSamples;

namespace ReverseLogistics.UnitTests.Routing;

public sealed class NetworkValidatorTests
{
    private static IReadOnlyList<string> FieldsOf(Action validate) =>
        Assert.Throws<InvalidInputException>(validate).Violations.Select(v => v.Field).Distinct().ToList();

    [Fact]
    public void The_sample_network_is_valid() => NetworkValidator.Validate(NetworkOf());

    public static TheoryData<string, FulfillmentCenter> BadCenters => new()
    {
        { "center.id", Berlin with { Id = "fc-ber-1" } },
        { "center.name", Berlin with { Name = " " } },
        { "center.address_lines", Berlin with { AddressLines = [] } },
        { "center.address_lines[1]", Berlin with { AddressLines = ["a", ""] } },
        { "center.postal_code", Berlin with { PostalCode = "#1" } },
        { "center.country_code", Berlin with { CountryCode = "XX" } },
        { "center.location.latitude", Berlin with { Location = new(90.5, 13) } },
        { "center.location.longitude", Berlin with { Location = new(52, double.NaN) } },
        { "center.time_zone", Berlin with { TimeZone = "CET+1" } },
        { "center.categories_accepted[1]", Berlin with { CategoriesAccepted = ["shoes", "shoes"] } },
        { "center.services", Berlin with { Services = (CenterServices)64 } },
        { "center.daily_capacity", Berlin with { DailyCapacity = -1 } },
        { "center.opening_hours[0].closes", Berlin with { OpeningHours = [new(DayOfWeek.Monday, new(18, 0), new(8, 0))] } },
        { "center.opening_hours[1].day", Berlin with { OpeningHours = [new(DayOfWeek.Monday, new(8, 0), new(9, 0)), new(DayOfWeek.Monday, new(10, 0), new(11, 0))] } },
        { "center.status", Berlin with { Status = 0 } },
        { "center.tenants_served[0]", Berlin with { TenantsServed = ["Acme!"] } },
    };

    [Theory]
    [MemberData(nameof(BadCenters))]
    public void Names_the_bad_centre_field(string field, FulfillmentCenter center) =>
        Assert.Equal([field], FieldsOf(() => NetworkValidator.Validate(center)));

    [Fact]
    public void Reports_every_centre_violation_at_once() =>
        Assert.Equal(["center.location.latitude", "center.location.longitude", "center.daily_capacity"],
            FieldsOf(() => NetworkValidator.Validate(Berlin with { Location = new(-91, 181), DailyCapacity = -5 })));

    public static TheoryData<string, Carrier> BadCarriers => new()
    {
        { "carrier.id", Dhl with { Id = "" } },
        { "carrier.service_areas", Dhl with { ServiceAreas = [] } },
        { "carrier.service_areas[0].country_code", Dhl with { ServiceAreas = [new("de", [])] } },
        { "carrier.service_areas[0].postal_prefixes[1]", Dhl with { ServiceAreas = [new("DE", ["10", "1 0"])] } },
        { "carrier.return_methods", Dhl with { ReturnMethods = [] } },
        { "carrier.return_methods[1]", Dhl with { ReturnMethods = [ReturnMethod.InStore, (ReturnMethod)9] } },
        { "carrier.cost_per_parcel.minor_units", Dhl with { CostPerParcel = new Money(-1, "EUR") } },
        { "carrier.country_rates[0].cost_per_parcel.currency_code", Dhl with { CountryRates = [new("PL", new Money(1, "PLN"))] } },
        { "carrier.country_rates[1].country_code", Dhl with { CountryRates = [new("PL", new Money(1, "EUR")), new("PL", new Money(2, "EUR"))] } },
        { "carrier.center_ids[0]", Dhl with { CenterIds = [""] } },
    };

    [Theory]
    [MemberData(nameof(BadCarriers))]
    public void Names_the_bad_carrier_field(string field, Carrier carrier) =>
        Assert.Equal([field], FieldsOf(() => NetworkValidator.Validate(carrier)));

    [Fact]
    public void Names_the_bad_contract_fields() =>
        Assert.Equal(["contract.tenant_id", "contract.center_ids[1]"],
            FieldsOf(() => NetworkValidator.Validate(new TenantContract("_platform", ["FC-BER-1", "FC-BER-1"]))));

    [Fact]
    public void A_contract_needs_a_centre() =>
        Assert.Equal(["contract.center_ids"], FieldsOf(() => NetworkValidator.Validate(new TenantContract("acme", []))));

    [Fact]
    public void The_network_checks_ids_references_and_one_currency()
    {
        var network = NetworkOf() with
        {
            Centers = [Berlin, Berlin with { Location = new(100, 0) }],
            Carriers = [Dhl with { CenterIds = ["FC-NOPE-1"] }, Hermes with { CostPerParcel = new Money(300, "PLN") }],
            Contracts = [new("acme", ["FC-BER-1", "FC-LEJ-1"]), new("acme", ["FC-BER-1"])],
        };

        Assert.Equal(
            ["centers[1].location.latitude", "centers[1].id", "carriers[0].center_ids[0]", "carriers[1].cost_per_parcel.currency_code",
             "contracts[0].center_ids[1]", "contracts[1].tenant_id"],
            FieldsOf(() => NetworkValidator.Validate(network)));
    }
}
