using System.Diagnostics;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Routing;

namespace ReverseLogistics.Bench;

/// <summary>
/// Routes returns from random customers across Europe over a random network of centres (fixed seed):
/// one tenant contracts a fifth of the centres (the grid walk), another all of them, a third 200 (the
/// contract scan). One thread, after a warm-up; prints per-decision latency and throughput.
/// </summary>
internal static class RoutingBenchmark
{
    private static readonly string[] Categories = ["shoes", "apparel", "toys", "electronics", "furniture"];

    public static void Run(int centerCount, int decisions, int seed)
    {
        var random = new Random(seed);
        var built = Stopwatch.StartNew();
        var network = Network(random, centerCount);
        var index = NetworkIndex.Build(network);
        built.Stop();
        var router = new ReturnRouter(index);
        Console.WriteLine($"network: {centerCount} centres, index built (validated) in {built.Elapsed.TotalMilliseconds:F0} ms");

        CapacityLookup usage = (id, day) => (id.Length * 37 + day.Day * 11 + id[^1]) % 450;
        foreach (var (tenant, label) in new[] { ("fifth", "contract of 20 % (grid walk)"), ("all", "contract of 100 % (grid walk)"), ("small", "contract of 200 (contract scan)") })
        {
            var requests = Enumerable.Range(0, 1000).Select(_ => Request(random, tenant)).ToArray();
            for (var i = 0; i < 2000; i++) router.Route(requests[i % requests.Length], usage);

            var latencies = new double[decisions];
            var (won, candidates) = (0, 0L);
            var total = Stopwatch.StartNew();
            for (var i = 0; i < decisions; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var decision = router.Route(requests[i % requests.Length], usage);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                if (decision.Winner is not null) won++;
                candidates += decision.Candidates.Count;
            }
            total.Stop();
            Array.Sort(latencies);
            Console.WriteLine(
                $"{label,-32} {decisions} decisions in {total.Elapsed.TotalSeconds:F2} s = {decisions / total.Elapsed.TotalSeconds:F0} decisions/s;" +
                $" µs per decision mean {latencies.Average():F1}, p50 {Percentiles.Of(latencies, 0.50):F1}, p99 {Percentiles.Of(latencies, 0.99):F1}, max {latencies[^1]:F0};" +
                $" {100.0 * won / decisions:F1} % routed, {(double)candidates / decisions:F1} candidates listed on average");
        }
    }

    private static FulfillmentNetwork Network(Random random, int count)
    {
        var centers = Enumerable.Range(0, count).Select(i => new FulfillmentCenter
        {
            Id = $"FC-EU-{i}",
            Name = $"Returns centre {i}",
            AddressLines = [$"{i} Logistics Park"],
            City = "Somewhere",
            PostalCode = "10115",
            CountryCode = "DE",
            Location = new GeoPoint(36 + random.NextDouble() * 34, -9 + random.NextDouble() * 40),
            TimeZone = "Europe/Berlin",
            CategoriesAccepted = random.NextDouble() < 0.8 ? [] : [.. Categories.Where(_ => random.NextDouble() < 0.6)],
            Services = (CenterServices)random.Next(16) | CenterServices.Grading,
            DailyCapacity = random.Next(100, 1000),
            Status = random.NextDouble() < 0.05 ? CenterStatus.Paused : CenterStatus.Active,
        }).ToList();
        var ids = centers.Select(c => c.Id).ToArray();
        random.Shuffle(ids);
        return new FulfillmentNetwork
        {
            Centers = centers,
            Carriers =
            [
                Carrier("EU-PARCEL", [], 650),
                Carrier("DE-FAST", [.. ids.Where(_ => random.NextDouble() < 0.5)], 420),
                Carrier("DE-CHEAP", [.. ids.Where(_ => random.NextDouble() < 0.2)], 310),
            ],
            Contracts =
            [
                new("fifth", [.. ids.Take(count / 5)]),
                new("all", [.. ids]),
                new("small", [.. ids.Skip(count / 5).Take(200)]),
            ],
        };
    }

    private static Carrier Carrier(string id, string[] centerIds, long cost) => new()
    {
        Id = id,
        Name = id,
        ServiceAreas = [new("DE", [])],
        ReturnMethods = [ReturnMethod.CarrierPickup, ReturnMethod.DropOffPoint],
        CostPerParcel = new Money(cost, "EUR"),
        CenterIds = centerIds,
    };

    private static RoutingRequest Request(Random random, string tenant) => new()
    {
        TenantId = tenant,
        CountryCode = "DE",
        PostalCode = $"{random.Next(10000, 99999)}",
        CustomerLocation = new GeoPoint(36 + random.NextDouble() * 34, -9 + random.NextDouble() * 40),
        Categories = [Categories[random.Next(Categories.Length)]],
        ServicesNeeded = random.NextDouble() < 0.1 ? CenterServices.Hazmat : CenterServices.Grading,
        ReturnMethod = ReturnMethod.CarrierPickup,
        ArrivalDay = new DateOnly(2026, 11, 23).AddDays(random.Next(7)),
    };

}
