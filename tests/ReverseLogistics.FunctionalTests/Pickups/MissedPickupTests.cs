using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Silo.Scheduling;
using ReverseLogistics.FunctionalTests.Scheduling;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Pickups;

/// <summary>The missed-pickup timer through the real scheduler: a window over without a pick-up scan is rebooked, twice, then an exception.</summary>
public sealed class MissedPickupTests : IAsyncLifetime
{
    private PickupWorld world = null!;

    public async Task InitializeAsync() => world = await PickupWorld.StartAsync(carriers: [("CARRIER-A", "97", 1)]);

    public async Task DisposeAsync() => await world.DisposeAsync();

    private async Task<Pickup> PickupOfAsync(string returnId) =>
        (await world.Client.Pickups.ListPickupsAsync(new ListPickupsRequest(), world.Merchant)).Pickups.Single(p => p.ReturnId == returnId);

    private async Task<Silo.Sweeps.SweepResult> SweepAfterAsync(Timestamp windowEnd)
    {
        world.AdvancePast(Timestamp.FromDateTimeOffset(windowEnd.ToDateTimeOffset().AddMinutes(30)));
        return await SweepCompletion.RunAsync(await world.SchedulerAsync(), MissedPickupJob.Key, world.Clock);
    }

    [Fact]
    public async Task A_missed_pickup_is_rebooked_into_the_next_window_with_room_twice_then_raised()
    {
        var missed = await world.NewReturnAsync(customer: "cust-missed");
        var collected = await world.NewReturnAsync(customer: "cust-collected");
        var blocker = await world.NewReturnAsync(customer: "cust-blocker");
        var tomorrow = DateOnly.Parse(world.Tomorrow);
        var booked = await world.BookAsync(missed.ReturnId);
        await world.BookAsync(blocker.ReturnId, date: tomorrow.AddDays(1).ToString("yyyy-MM-dd")); // that window is full
        await world.BookAsync(collected.ReturnId, date: tomorrow.AddDays(2).ToString("yyyy-MM-dd"));
        await world.Client.Pickups.ReportTrackingEventAsync(new ReportTrackingEventRequest
        {
            RequestId = NewRequestId(), TrackingNumber = collected.TrackingNumber, CarrierId = "CARRIER-A", CarrierEventId = "ev-1",
            Kind = TrackingEventKind.PickedUp, OccurredAt = Timestamp.FromDateTimeOffset(world.Clock.GetUtcNow()),
        }, world.Operator);

        var first = await SweepAfterAsync(booked.Window.EndTime);
        var rebooked = await PickupOfAsync(missed.ReturnId);
        var second = await SweepAfterAsync(rebooked.Window.EndTime);
        var rebookedAgain = await PickupOfAsync(missed.ReturnId);
        var third = await SweepAfterAsync(rebookedAgain.Window.EndTime);
        var again = await SweepCompletion.RunAsync(await world.SchedulerAsync(), MissedPickupJob.Key, world.Clock);

        Assert.Equal((1, 1), (first.Due, first.Fired));
        Assert.Equal((tomorrow.AddDays(3).ToString("yyyy-MM-dd"), 1, PickupStatus.Booked), (rebooked.Window.Date, rebooked.Rebookings, rebooked.Status));
        Assert.Equal((2, 2), (second.Fired, rebookedAgain.Rebookings)); // the blocker's own window was missed by then too
        Assert.NotEqual(rebookedAgain.ManifestId, (await PickupOfAsync(blocker.ReturnId)).ManifestId);
        Assert.True(third.Fired >= 1);
        Assert.Equal(0, again.Fired);
        Assert.Equal(PickupStatus.Missed, (await PickupOfAsync(missed.ReturnId)).Status);
        Assert.Equal(ReturnStatus.Exception, (await world.GetAsync(missed.ReturnId)).Status);
        var timeline = (await world.EventsAsync(missed.ReturnId)).Where(e => e.Actor == "system:missed-pickup").ToList();
        Assert.Equal(["SchedulePickup", "SchedulePickup", "RaiseException"], timeline.Select(e => e.Type));
        Assert.Contains("MissedPickup", timeline[^1].Details);
        Assert.Equal(ReturnStatus.InTransit, (await world.GetAsync(collected.ReturnId)).Status);
        Assert.Equal((PickupStatus.PickedUp, 0), ((await PickupOfAsync(collected.ReturnId)).Status, (await PickupOfAsync(collected.ReturnId)).Rebookings));
    }
}
