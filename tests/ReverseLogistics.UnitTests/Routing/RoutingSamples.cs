using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Routing;

namespace ReverseLogistics.UnitTests.Routing;

/// <summary>
/// Five German and Polish centres, a customer in Potsdam (about 27 km from Berlin, 120 km from
/// Leipzig, 240 km from Hamburg), and carriers that cover Germany, part of it, or Poland.
/// </summary>
internal static class RoutingSamples
{
    public const string Tenant = "acme";
    public static readonly GeoPoint Potsdam = new(52.3906, 13.0645);
    public static readonly DateOnly Monday = new(2026, 11, 23);

    public static FulfillmentCenter Center(string id, double lat, double lon, string country = "DE") => new()
    {
        Id = id,
        Name = $"Returns {id}",
        AddressLines = ["1 Dock Road"],
        City = "Somewhere",
        PostalCode = "10115",
        CountryCode = country,
        Location = new GeoPoint(lat, lon),
        TimeZone = "Europe/Berlin",
        Services = CenterServices.Grading,
        DailyCapacity = 400,
    };

    public static readonly FulfillmentCenter Berlin = Center("FC-BER-1", 52.5200, 13.4050);
    public static readonly FulfillmentCenter Leipzig = Center("FC-LEJ-1", 51.3397, 12.3731);
    public static readonly FulfillmentCenter Hamburg = Center("FC-HAM-2", 53.5511, 9.9937);
    public static readonly FulfillmentCenter Munich = Center("FC-MUC-1", 48.1351, 11.5820) with { Services = CenterServices.All };
    public static readonly FulfillmentCenter Warsaw = Center("FC-WAW-1", 52.2297, 21.0122, "PL");

    public static readonly Carrier Dhl = new()
    {
        Id = "DHL",
        Name = "DHL Paket",
        ServiceAreas = [new("DE", [])],
        ReturnMethods = [ReturnMethod.CarrierPickup, ReturnMethod.DropOffPoint],
        CostPerParcel = new Money(450, "EUR"),
        CenterIds = ["FC-BER-1", "FC-LEJ-1", "FC-HAM-2", "FC-MUC-1"],
    };

    /// <summary>Cheaper, but only from postal codes starting 14 (Potsdam) and only to drop-off.</summary>
    public static readonly Carrier Hermes = new()
    {
        Id = "HERMES",
        Name = "Hermes",
        ServiceAreas = [new("DE", ["14"])],
        ReturnMethods = [ReturnMethod.DropOffPoint],
        CostPerParcel = new Money(300, "EUR"),
    };

    public static readonly Carrier PolishPost = new()
    {
        Id = "PL-POST",
        Name = "Poczta Polska",
        ServiceAreas = [new("PL", [])],
        ReturnMethods = [ReturnMethod.CarrierPickup],
        CostPerParcel = new Money(500, "EUR"),
        CountryRates = [new("PL", new Money(250, "EUR"))],
        CenterIds = ["FC-WAW-1"],
    };

    public static FulfillmentNetwork NetworkOf(params FulfillmentCenter[] replacing)
    {
        var byId = replacing.ToDictionary(c => c.Id);
        FulfillmentCenter[] centers = [.. new[] { Berlin, Leipzig, Hamburg, Munich, Warsaw }.Select(c => byId.GetValueOrDefault(c.Id, c))];
        return new FulfillmentNetwork
        {
            Centers = centers,
            Carriers = [Dhl, Hermes, PolishPost],
            Contracts =
            [
                new(Tenant, ["FC-BER-1", "FC-LEJ-1", "FC-HAM-2", "FC-MUC-1", "FC-WAW-1"]),
                new("southern", ["FC-MUC-1", "FC-LEJ-1"]),
            ],
        };
    }

    public static readonly RoutingRequest Request = new()
    {
        TenantId = Tenant,
        CountryCode = "DE",
        PostalCode = "14467",
        CustomerLocation = Potsdam,
        Categories = ["shoes"],
        ReturnMethod = ReturnMethod.CarrierPickup,
        ArrivalDay = Monday,
    };

    public static CapacityLookup NothingBooked => (_, _) => 0;

    public static CapacityLookup Booked(string centerId, int units) => (id, _) => id == centerId ? units : 0;

    public static RoutingDecision Route(FulfillmentNetwork network, RoutingRequest request, CapacityLookup? usage = null, int contractScanLimit = ReturnRouter.ContractScanLimit) =>
        new ReturnRouter(NetworkIndex.Build(network), contractScanLimit: contractScanLimit).Route(request, usage ?? NothingBooked);

    public static RoutingCandidate Candidate(this RoutingDecision decision, string centerId) =>
        Assert.Single(decision.Candidates, c => c.CenterId == centerId);
}
