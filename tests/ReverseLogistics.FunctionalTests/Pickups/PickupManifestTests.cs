using ReverseLogistics.Grains.Pickups;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Pickups;
using ReverseLogistics.Silo.Scheduling;
using ReverseLogistics.Storage;
using ReverseLogistics.FunctionalTests.Scheduling;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;

namespace ReverseLogistics.FunctionalTests.Pickups;

/// <summary>
/// Manifests at the cut-off, through the real scheduler on each store: the test moves the silo's clock past
/// the cut-off and fires the manifest sweep through Quartz, or on two nodes at once.
/// </summary>
public abstract class PickupManifestTests : PickupWorldTests
{
    protected async Task<int> ManifestEventsAsync(string manifestId, InProcessSilo? node = null)
    {
        var store = (node ?? World.Silo).Services.GetRequiredService<IActorStore>();
        var events = await store.ReadStreamAsync(new ActorKey(TenantIds.Platform, CarrierWindowGrain.TypeName, manifestId), 0, 1000, CancellationToken.None);
        return events.Count(e => e.Type == "ManifestCreated");
    }

    [SkippableFact]
    public async Task At_the_cut_off_a_window_becomes_one_manifest_with_every_pickup_booked_into_it_once()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var first = await World.NewReturnAsync(customer: "cust-1");
        var second = await World.NewReturnAsync(customer: "cust-2");
        var later = await World.NewReturnAsync(customer: "cust-3");
        var pickup = await World.BookAsync(first.ReturnId);
        await World.BookAsync(second.ReturnId);
        var laterPickup = await World.BookAsync(later.ReturnId, date: DateOnly.Parse(World.Tomorrow).AddDays(1).ToString("yyyy-MM-dd"));
        var scheduler = await World.SchedulerAsync();

        var early = await SweepCompletion.RunAsync(scheduler, ManifestJob.Key, World.Clock);
        World.AdvancePast(pickup.CutoffTime);
        await SweepCompletion.RunAsync(scheduler, ManifestJob.Key, World.Clock);
        var again = await SweepCompletion.RunAsync(scheduler, ManifestJob.Key, World.Clock);

        Assert.Equal(0, early.Fired);
        Assert.Equal(0, again.Fired);
        var listed = Assert.Single((await World.Client.Pickups.ListManifestsAsync(new ListManifestsRequest(), World.Operator)).Manifests);
        Assert.Equal(pickup.ManifestId, listed.ManifestId);
        Assert.Empty(listed.Stops);
        var manifest = await World.Client.Pickups.GetManifestAsync(new GetManifestRequest { ManifestId = pickup.ManifestId }, World.Operator);
        Assert.Equal(("CARRIER-A", pickup.Window), (manifest.CarrierId, manifest.Window));
        Assert.Equal([first.ReturnId, second.ReturnId], manifest.Stops.Select(s => s.ReturnId));
        Assert.All(manifest.Stops, s => Assert.Equal((World.TenantId, "97201"), (s.TenantId, s.Address.PostalCode)));
        Assert.Equal(first.TrackingNumber, manifest.Stops[0].TrackingNumber);
        Assert.Equal(1, await ManifestEventsAsync(pickup.ManifestId));
        Assert.Equal(0, await ManifestEventsAsync(laterPickup.ManifestId));
        var notYet = await Assert.ThrowsAsync<global::Grpc.Core.RpcException>(() =>
            World.Client.Pickups.GetManifestAsync(new GetManifestRequest { ManifestId = laterPickup.ManifestId }, World.Operator).ResponseAsync);
        Assert.Equal(global::Grpc.Core.StatusCode.NotFound, notYet.StatusCode);
    }

    [SkippableFact]
    public async Task A_restart_between_booking_and_cut_off_loses_no_pickup()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var booked = await World.NewReturnAsync();
        var pickup = await World.BookAsync(booked.ReturnId);

        await World.RestartAsync();
        World.AdvancePast(pickup.CutoffTime);
        await SweepCompletion.RunAsync(await World.SchedulerAsync(), ManifestJob.Key, World.Clock);

        var manifest = await World.Client.Pickups.GetManifestAsync(new GetManifestRequest { ManifestId = pickup.ManifestId }, World.Operator);
        Assert.Equal(booked.ReturnId, Assert.Single(manifest.Stops).ReturnId);
        Assert.Equal(1, await ManifestEventsAsync(pickup.ManifestId));
    }
}

public sealed class SqlitePickupManifestTests : PickupManifestTests
{
    protected override string? SkipReason => null;

    protected override SiloOptions StoreOptions(string directory) => new() { DataDirectory = directory };
}

public sealed class PostgresPickupManifestTests(Storage.PostgresDatabase postgres) : PickupManifestTests, IClassFixture<Storage.PostgresDatabase>
{
    private string? connectionString;

    protected override string? SkipReason => postgres.ConnectionString is null ? Storage.PostgresDatabase.SkipReason : null;

    protected override SiloOptions StoreOptions(string directory) =>
        new() { DataDirectory = directory, Store = StoreKind.Postgres, PostgresConnectionString = connectionString };

    public override async Task InitializeAsync()
    {
        if (postgres.ConnectionString is not null) connectionString = await postgres.CreateDatabaseAsync();
        await base.InitializeAsync();
    }

    [SkippableFact]
    public async Task Two_nodes_sweeping_the_same_cut_off_build_one_manifest()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var returns = new List<string>();
        for (var i = 0; i < 3; i++) returns.Add((await World.NewReturnAsync(customer: $"cust-{i}")).ReturnId);
        var pickups = new List<Pickup>();
        foreach (var id in returns) pickups.Add(await World.BookAsync(id));
        await using var other = await World.StartNodeAsync("b");
        World.AdvancePast(pickups[0].CutoffTime);

        var sweeps = await Task.WhenAll(
            World.Silo.Services.GetRequiredService<PickupSweeps>().BuildManifestsAsync(CancellationToken.None),
            other.Services.GetRequiredService<PickupSweeps>().BuildManifestsAsync(CancellationToken.None));

        Assert.Equal(1, sweeps.Sum(s => s.Fired));
        Assert.Equal(1, await ManifestEventsAsync(pickups[0].ManifestId));
        var manifest = await other.Client.Pickups.GetManifestAsync(new GetManifestRequest { ManifestId = pickups[0].ManifestId }, World.Operator);
        Assert.Equal(returns, manifest.Stops.Select(s => s.ReturnId));
    }
}
