using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Routing;

namespace ReverseLogistics.UnitTests.Routing;

/// <summary>Seeded random networks with every filter in play, and random returns against them.</summary>
internal sealed class RandomNetworks(int seed, double minLat, double maxLat, double minLon, double maxLon)
{
    private static readonly string[] Categories = ["shoes", "apparel", "toys", "electronics"];
    private readonly Random _random = new(seed);

    public double NextLat() => minLat + _random.NextDouble() * (maxLat - minLat);

    public double NextLon() => minLon + _random.NextDouble() * (maxLon - minLon);

    public FulfillmentNetwork NetworkOf(int centers, double contractShare)
    {
        var list = Enumerable.Range(0, centers).Select(i => RoutingSamples.Center($"FC-R-{i}", NextLat(), NextLon()) with
        {
            Status = _random.NextDouble() < 0.1 ? CenterStatus.Paused : CenterStatus.Active,
            CategoriesAccepted = _random.NextDouble() < 0.7 ? [] : [.. Categories.Where(_ => _random.NextDouble() < 0.6)],
            Services = (CenterServices)_random.Next(16),
            DailyCapacity = _random.Next(0, 500),
        }).ToList();
        var ids = list.Select(c => c.Id).ToArray();
        _random.Shuffle(ids);
        return new FulfillmentNetwork
        {
            Centers = list,
            Carriers =
            [
                Carrier("C-HALF", ids.Where(_ => _random.NextDouble() < 0.5), 400),
                Carrier("C-THIRD", ids.Where(_ => _random.NextDouble() < 0.3), 300),
            ],
            Contracts = [new("acme", ids.Take((int)(centers * contractShare)).ToList())],
        };
    }

    public RoutingRequest Request() => new()
    {
        TenantId = "acme",
        CountryCode = "DE",
        PostalCode = "10115",
        CustomerLocation = new GeoPoint(NextLat(), NextLon()),
        Categories = [.. Categories.Where(_ => _random.NextDouble() < 0.3)],
        ServicesNeeded = (CenterServices)_random.Next(4),
        ReturnMethod = ReturnMethod.CarrierPickup,
        ArrivalDay = RoutingSamples.Monday,
    };

    /// <summary>Units booked per centre, fixed per centre so router and brute force see the same.</summary>
    public static CapacityLookup Usage => (id, _) => (id.Aggregate(17, (h, c) => h * 31 + c) & 0x7fffffff) % 400;

    private static Carrier Carrier(string id, IEnumerable<string> centerIds, long cost) => new()
    {
        Id = id,
        Name = id,
        ServiceAreas = [new("DE", [])],
        ReturnMethods = [ReturnMethod.CarrierPickup],
        CostPerParcel = new Money(cost, "EUR"),
        CenterIds = [.. centerIds],
    };
}
