using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Grains;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;
using Orleans.Serialization;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Pickups;
using ReverseLogistics.Silo.Sweeps;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Bench;

/// <summary>
/// The manifest sweep at the cut-off over N booked pickups: C carriers x W windows, each window holding its
/// share of the pickups, as the window grains store them. Seeding writes the windows' states directly (one
/// commit per window); the timed part is the real sweep: due index, window grains, one manifest commit each.
/// </summary>
internal static class PickupsBenchmark
{
    public static async Task RunAsync(string name, IActorStore store, int pickups, int carriers, int windowsPerCarrier, CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        var run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var windows = carriers * windowsPerCarrier;
        var perWindow = (pickups + windows - 1) / windows;
        // Far ahead of real time, so that nothing else in the database is due with them.
        var cutoff = new DateTime(2200, 1, 6, 7, 0, 0, DateTimeKind.Utc).AddMinutes(Random.Shared.Next(0, 1_000_000));

        var seeding = Stopwatch.StartNew();
        var keys = Enumerable.Range(0, windows).Select(w => (Index: w, Carrier: $"BENCH-{run}-{w / windowsPerCarrier}", Hour: w % windowsPerCarrier)).ToList();
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (window, token) =>
        {
            var start = cutoff.AddHours(2 + window.Hour);
            var slot = new PickupSlot(window.Carrier, DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), TimeOnly.FromDateTime(start.AddHours(1)),
                "UTC", start, start.AddHours(1), cutoff, perWindow);
            var count = Math.Min(perWindow, pickups - window.Index * perWindow);
            var state = new CarrierWindowState { Slot = slot, Stops = [.. Enumerable.Range(0, Math.Max(count, 0)).Select(i => Stop(slot, i))] };
            var key = new ActorKey(TenantIds.Platform, CarrierWindowGrain.TypeName, slot.WindowId);
            var result = await store.CommitAsync(new ActorCommit(key, 0, 0, JsonSerializer.Serialize(state, DomainJson.Options), [],
                Index: [DueIndex.Entry(CarrierWindowGrain.ManifestDue, cutoff), new(CarrierWindowGrain.CarrierIndex, slot.CarrierId)]), token);
            if (result.Outcome != CommitOutcome.Committed) throw new InvalidOperationException($"Seeding {key}: {result.Outcome}");
        });
        seeding.Stop();

        // One embedded Orleans silo whose carrier-window grains the sweep calls, as in a node.
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(store)
            .AddSingleton(new PlatformClock(new FixedClock(cutoff.AddMinutes(1))))
            .AddSingleton<DueIndexSweep>()
            .AddSingleton<PickupSweeps>();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), gatewayPort: 0)
            .Services.AddSerializer(serializer => serializer.AddDomainValues()));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var services = host.Services;
        var sweeps = services.GetRequiredService<PickupSweeps>();

        var sweeping = Stopwatch.StartNew();
        var result = await sweeps.BuildManifestsAsync(cancellationToken);
        sweeping.Stop();
        var again = await sweeps.BuildManifestsAsync(cancellationToken);

        await host.StopAsync(CancellationToken.None);
        Console.WriteLine(
            $"{name,-8} {pickups} pickups in {windows} windows ({carriers} carriers x {windowsPerCarrier}, {perWindow} a window), seeded in {seeding.Elapsed.TotalSeconds:F1} s; " +
            $"manifest sweep: {result.Fired} manifests in {sweeping.Elapsed.TotalSeconds:F2} s = {pickups / sweeping.Elapsed.TotalSeconds:F0} pickups/s, " +
            $"{result.Fired / sweeping.Elapsed.TotalSeconds:F0} manifests/s, {result.Failed} failed; a second sweep built {again.Fired}");
    }

    private static ManifestStop Stop(PickupSlot slot, int i) => new("bench-tenant", $"ret_{slot.WindowId}_{i}", $"1ZBENCH{i:D8}", "Jane Doe",
        new CustomerAddress { Line1 = $"{i} Main St", City = "Portland", PostalCode = "97201", CountryCode = "US" });

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}
