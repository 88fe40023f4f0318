using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Routing;

namespace ReverseLogistics.UnitTests.Routing;

/// <summary>The grid walk must find exactly what a scan of every centre finds.</summary>
public sealed class NetworkIndexTests
{
    private const int K = ReturnRouter.NearestCount;

    /// <summary>The K nearest eligible centres by measuring all of them, written apart from the router on purpose.</summary>
    private static List<string> BruteForceNearest(FulfillmentNetwork network, RoutingRequest request, CapacityLookup usage)
    {
        var contract = network.Contracts.Single(c => c.TenantId == request.TenantId).CenterIds.ToHashSet();
        var carriers = network.Carriers
            .Where(c => c.ReturnMethods.Contains(request.ReturnMethod) && c.Covers(request.CountryCode, request.PostalCode))
            .Select(c => c.CenterIds.ToHashSet())
            .ToList();
        return network.Centers
            .Where(c => c.Status == CenterStatus.Active && contract.Contains(c.Id))
            .Where(c => request.Categories.All(c.Accepts) && c.Services.HasFlag(request.ServicesNeeded))
            .Where(c => carriers.Any(k => k.Count == 0 || k.Contains(c.Id)))
            .Where(c => c.ReceivesOn(request.ArrivalDay.DayOfWeek) && c.DailyCapacity - usage(c.Id, request.ArrivalDay) > 0)
            .OrderBy(c => request.CustomerLocation!.Value.DistanceKm(c.Location))
            .Take(K)
            .Select(c => c.Id)
            .ToList();
    }

    [Theory]
    [InlineData(1, 0.5, 35.0, 71.0, -10.0, 40.0)]
    [InlineData(2, 0.1, 35.0, 71.0, -10.0, 40.0)]
    [InlineData(3, 2.0, 35.0, 71.0, -10.0, 40.0)]
    [InlineData(4, 0.5, -89.0, 89.0, -180.0, 180.0)]
    [InlineData(5, 5.0, -89.0, 89.0, -180.0, 180.0)]
    [InlineData(6, 0.5, 60.0, 89.9, 170.0, 180.0)]
    public void The_grid_walk_finds_the_same_nearest_eligible_centres_as_a_full_scan(
        int seed, double cellDegrees, double minLat, double maxLat, double minLon, double maxLon)
    {
        var random = new RandomNetworks(seed, minLat, maxLat, minLon, maxLon);
        var network = random.NetworkOf(centers: 3000, contractShare: 0.6);
        var router = new ReturnRouter(NetworkIndex.Build(network, cellDegrees));
        var scanning = new ReturnRouter(NetworkIndex.Build(network, cellDegrees), contractScanLimit: int.MaxValue);

        for (var i = 0; i < 60; i++)
        {
            var request = random.Request();
            var decision = router.Route(request, RandomNetworks.Usage);
            var expected = BruteForceNearest(network, request, RandomNetworks.Usage);

            var found = decision.Candidates.Where(c => c.IsEligible).OrderBy(c => c.DistanceKm).Select(c => c.CenterId).ToList();
            Assert.Equal(expected, found);
            Assert.Equal(scanning.Route(request, RandomNetworks.Usage).CenterId, decision.CenterId);
        }
    }

    [Fact]
    public void A_customer_across_the_antimeridian_gets_the_centre_just_over_it()
    {
        var network = new FulfillmentNetwork
        {
            Centers = [RoutingSamples.Center("FC-EAST-1", 65, 179.9), RoutingSamples.Center("FC-WEST-1", 65, -170)],
            Carriers = [RoutingSamples.Dhl with { CenterIds = [] }],
            Contracts = [new("acme", ["FC-WEST-1", "FC-EAST-1"])],
        };
        var request = RoutingSamples.Request with { CustomerLocation = new GeoPoint(65, -179.9) };

        var decision = new ReturnRouter(NetworkIndex.Build(network), nearestCount: 1, contractScanLimit: 0).Route(request, RoutingSamples.NothingBooked);

        Assert.Equal("FC-EAST-1", decision.CenterId);
        Assert.InRange(decision.Winner!.DistanceKm!.Value, 9, 10);
    }

    [Fact]
    public void Building_validates_the_network()
    {
        var bad = RoutingSamples.NetworkOf() with { Contracts = [new("acme", ["FC-NOPE-1"])] };

        var error = Assert.Throws<ReverseLogistics.Domain.Errors.InvalidInputException>(() => NetworkIndex.Build(bad));
        Assert.Equal("contracts[0].center_ids[0]", Assert.Single(error.Violations).Field);
    }
}
