using ReverseLogistics.Domain.Network;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using Orleans;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Network;
using ReverseLogistics.Silo.Pickups;
using ReverseLogistics.Silo.Scheduling;
using ReverseLogistics.Silo.Sweeps;
using ReverseLogistics.FunctionalTests.Scheduling;

namespace ReverseLogistics.FunctionalTests.Pickups;

/// <summary>
/// The orphaned-booking sweep through the real scheduler: capacity booked on a centre or a carrier window for a
/// return that does not hold it is freed once older than the grace period; genuine and recent bookings stay.
/// </summary>
public sealed class OrphanedBookingTests : IAsyncLifetime
{
    private PickupWorld world = null!;

    public async Task InitializeAsync() => world = await PickupWorld.StartAsync(carriers: [("CARRIER-A", "97", 2)]);

    public async Task DisposeAsync() => await world.DisposeAsync();

    private IGrainFactory Grains => world.Silo.Services.GetRequiredService<IGrainFactory>();

    private IFulfillmentCenterGrain Centre => Grains.FulfillmentCenter(PickupWorld.Centre);

    private async Task<IReadOnlyList<string>> CentreBookingsAsync() =>
        [.. (await Centre.FutureBookingsMadeBeforeAsync(DateTime.MaxValue)).Select(b => b.Key).Order()];

    private async Task<IReadOnlyList<string>> WindowStopsAsync(string windowId) =>
        [.. (await Grains.CarrierWindow(windowId).OpenStopsBookedBeforeAsync(DateTime.MaxValue)).Select(s => s.ReturnId)];

    private PickupSlot FarSlot()
    {
        var start = DateTime.SpecifyKind(world.Clock.GetUtcNow().UtcDateTime.Date.AddDays(5).AddHours(17), DateTimeKind.Utc);
        return new PickupSlot("CARRIER-A", DateOnly.FromDateTime(start), new TimeOnly(9, 0), new TimeOnly(12, 0), "America/Los_Angeles",
            start, start.AddHours(3), start.AddHours(-12), Capacity: 2);
    }

    private ManifestStop StopOf(string returnId) =>
        new(world.TenantId, returnId, null, "Ghost", new CustomerAddress { Line1 = "1 Main St", City = "Portland", PostalCode = "97201", CountryCode = "US" });

    [Fact]
    public async Task Old_bookings_no_return_holds_are_released_and_genuine_or_recent_ones_stay()
    {
        var genuine = await world.NewReturnAsync(customer: "cust-genuine");
        var pickup = await world.BookAsync(genuine.ReturnId);
        var unbooked = await world.NewReturnAsync(customer: "cust-unbooked"); // routed to the centre, but never scheduled a pickup
        var day = DateOnly.FromDateTime(world.Clock.GetUtcNow().UtcDateTime).AddDays(2);
        var slot = FarSlot();
        var window = Grains.CarrierWindow(slot.WindowId);
        Assert.True((await Centre.BookAsync($"{world.TenantId}/RET-GHOST", new CapacityBooking(day, 3), held: null)).Booked);
        Assert.True(await window.BookAsync(slot, StopOf(unbooked.ReturnId)));
        var before = await CentreBookingsAsync();

        world.Clock.Advance(OrphanedBookingSweeps.Grace + TimeSpan.FromMinutes(1));
        Assert.True((await Centre.BookAsync($"{world.TenantId}/RET-INFLIGHT", new CapacityBooking(day, 1), held: null)).Booked);
        var run = await SweepCompletion.RunAsync(await world.SchedulerAsync(), OrphanedBookingJob.Key, world.Clock);
        var again = await SweepCompletion.RunAsync(await world.SchedulerAsync(), OrphanedBookingJob.Key, world.Clock);

        Assert.Contains($"{world.TenantId}/RET-GHOST", before);
        Assert.Equal(2, run.Fired);
        Assert.Equal(0, again.Fired);
        Assert.Equal(
            new[] { $"{world.TenantId}/{genuine.ReturnId}", $"{world.TenantId}/{unbooked.ReturnId}", $"{world.TenantId}/RET-INFLIGHT" }.Order(),
            await CentreBookingsAsync());
        Assert.Empty(await WindowStopsAsync(slot.WindowId));
        Assert.Equal([genuine.ReturnId], await WindowStopsAsync(pickup.ManifestId));
    }
}
