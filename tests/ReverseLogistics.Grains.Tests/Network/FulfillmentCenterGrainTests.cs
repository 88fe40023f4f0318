using ReverseLogistics.Storage;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Tenants;
using static ReverseLogistics.Grains.Tests.Calls;
using static ReverseLogistics.Grains.Tests.Network.ContractedCentre;

namespace ReverseLogistics.Grains.Tests.Network;

/// <summary>The fulfilment centre grain through <see cref="IFulfillmentCenterGrain"/>: its definition, and the daily capacity routing books.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class FulfillmentCenterGrainTests(GrainCluster cluster)
{
    private DateOnly Tomorrow => DateOnly.FromDateTime(cluster.Clock.GetUtcNow().UtcDateTime).AddDays(1);

    [Fact]
    public async Task A_created_centre_reads_back_an_update_replaces_it_and_a_second_create_fails()
    {
        var id = NewCentreId();
        var centre = cluster.Grains.FulfillmentCenter(id);

        var created = await centre.CreateAsync(Centre(id, dailyCapacity: 5), Operator, Ticket(TenantIds.Platform));
        var updated = await centre.UpdateAsync(Centre(id, dailyCapacity: 7) with { Name = "Reno East" }, Operator, Ticket(TenantIds.Platform));
        var twice = await Assert.ThrowsAsync<AlreadyExistsException>(() => centre.CreateAsync(Centre(id, 5), Operator, Ticket(TenantIds.Platform)));
        var read = await centre.GetAsync();

        Assert.Equal((1, 5), (created.Revision, created.Center.DailyCapacity));
        Assert.Equal((2, 7, "Reno East"), (updated.Revision, updated.Center.DailyCapacity, updated.Center.Name));
        Assert.Equal((2, 7, "Reno East"), (read.Revision, read.Center.DailyCapacity, read.Center.Name));
        Assert.Contains(id, twice.Message);
    }

    [Fact]
    public async Task A_centre_never_created_is_not_found_and_books_nothing()
    {
        var centre = cluster.Grains.FulfillmentCenter(NewCentreId());

        await Assert.ThrowsAsync<NotFoundException>(() => centre.GetAsync());
        Assert.False((await centre.BookAsync("acme/r-1", new CapacityBooking(Tomorrow, 1), held: null)).Booked);
    }

    [Fact]
    public async Task Bookings_count_against_the_days_capacity_and_booking_a_return_again_replaces_its_booking()
    {
        var id = NewCentreId();
        var centre = cluster.Grains.FulfillmentCenter(id);
        await centre.CreateAsync(Centre(id, dailyCapacity: 2), Operator, Ticket(TenantIds.Platform));

        var first = await centre.BookAsync("acme/r-1", new CapacityBooking(Tomorrow, 1), held: null);
        var rebooked = await centre.BookAsync("acme/r-1", new CapacityBooking(Tomorrow, 1), held: null);
        var second = await centre.BookAsync("acme/r-2", new CapacityBooking(Tomorrow, 1), held: null);
        var full = await centre.BookAsync("acme/r-3", new CapacityBooking(Tomorrow, 1), held: null);
        var otherDay = await centre.BookAsync("acme/r-3", new CapacityBooking(Tomorrow.AddDays(1), 1), held: null);
        await centre.ReleaseAsync("acme/r-1", new CapacityBooking(Tomorrow, 1));
        var afterRelease = await centre.BookAsync("acme/r-4", new CapacityBooking(Tomorrow, 1), held: null);

        Assert.Equal((true, true, true, false, true, true),
            (first.Booked, rebooked.Booked, second.Booked, full.Booked, otherDay.Booked, afterRelease.Booked));
        Assert.Equal((1, 2, 2, 2), (first.UnitsThatDay, second.UnitsThatDay, full.UnitsThatDay, afterRelease.UnitsThatDay));
        var bookings = await centre.FutureBookingsMadeBeforeAsync(DateTime.MaxValue);
        Assert.Equal(["acme/r-2", "acme/r-3", "acme/r-4"], bookings.Select(b => b.Key).Order());
    }

    [Fact]
    public async Task A_centre_starts_from_the_units_the_returns_commits_counted_of_every_merchant()
    {
        var id = NewCentreId();
        var centre = cluster.Grains.FulfillmentCenter(id);
        await centre.CreateAsync(Centre(id, dailyCapacity: 3), Operator, Ticket(TenantIds.Platform));
        // Two merchants' returns committed 1 + 2 units for tomorrow, as their commits would.
        await CountAsync("acme", CenterCounters.DayKey(id, Tomorrow), 1);
        await CountAsync("bolt", CenterCounters.DayKey(id, Tomorrow), 2);

        var full = await centre.BookAsync("acme/r-1", new CapacityBooking(Tomorrow, 1), held: null);
        var rebooked = await centre.BookAsync("bolt/r-9", new CapacityBooking(Tomorrow, 2), held: new CapacityBooking(Tomorrow, 2));
        var otherDay = await centre.BookAsync("acme/r-2", new CapacityBooking(Tomorrow.AddDays(1), 3), held: null);

        Assert.Equal((false, 3), (full.Booked, full.UnitsThatDay));
        Assert.Equal((true, 3), (rebooked.Booked, rebooked.UnitsThatDay)); // its own booking, already counted: not counted again
        Assert.Equal((true, 3), (otherDay.Booked, otherDay.UnitsThatDay));
    }

    private async Task CountAsync(string tenantId, string key, long units)
    {
        var result = await cluster.Store.CommitAsync(new ActorCommit(new ActorKey(tenantId, "counted-return", Guid.NewGuid().ToString("N")), 0, 0, "{}", [],
            Counters: [new CounterDelta(CenterCounters.Bookings, key, units)]), CancellationToken.None);
        Assert.Equal(CommitOutcome.Committed, result.Outcome);
    }

    [Fact]
    public async Task A_paused_centre_refuses_bookings()
    {
        var id = NewCentreId();
        var centre = cluster.Grains.FulfillmentCenter(id);
        await centre.CreateAsync(Centre(id, dailyCapacity: 10) with { Status = CenterStatus.Paused }, Operator, Ticket(TenantIds.Platform));

        Assert.False((await centre.BookAsync("acme/r-1", new CapacityBooking(Tomorrow, 1), held: null)).Booked);
        Assert.Empty(await centre.FutureBookingsMadeBeforeAsync(DateTime.MaxValue));
    }
}
