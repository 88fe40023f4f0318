using Grpc.Core;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Pickups;

/// <summary>Merchants book customer pickups through the real binding; each test has a silo of its own (carriers are global).</summary>
public sealed class PickupBookingTests : IAsyncLifetime
{
    private PickupWorld world = null!;

    public async Task InitializeAsync() => world = await PickupWorld.StartAsync(carriers:
    [
        ("CARRIER-A", "97", 1),
        ("CARRIER-B", "97", 1),
        ("CARRIER-NY", "10", 5), // covers New York only: never offered for Portland
    ]);

    public async Task DisposeAsync() => await world.DisposeAsync();

    private static async Task<RpcException> FailsAsync<T>(Task<T> call) => await Assert.ThrowsAsync<RpcException>(() => call);

    [Fact]
    public async Task A_pickup_goes_to_the_first_covering_carrier_with_room_and_a_full_window_to_the_next()
    {
        var first = await world.NewReturnAsync();
        var second = await world.NewReturnAsync();
        var third = await world.NewReturnAsync();

        var a = await world.BookAsync(first.ReturnId, starts: "09:00");
        var b = await world.BookAsync(second.ReturnId);
        var full = await FailsAsync(world.BookAsync(third.ReturnId));

        Assert.Equal(("CARRIER-A", "CARRIER-B"), (a.CarrierId, b.CarrierId));
        Assert.Equal(PickupStatus.Booked, a.Status);
        Assert.Equal((world.Tomorrow, "09:00", "12:00", "America/Los_Angeles"), (a.Window.Date, a.Window.Starts, a.Window.Ends, a.Window.TimeZone));
        var localStart = new DateTime(DateOnly.Parse(world.Tomorrow), new TimeOnly(9, 0));
        Assert.Equal(TimeZoneInfo.ConvertTimeToUtc(localStart, PickupWorld.Pacific), a.Window.StartTime.ToDateTime());
        Assert.Equal(a.Window.StartTime.ToDateTime().AddHours(-2), a.CutoffTime.ToDateTime());
        Assert.StartsWith("CARRIER-A@", a.ManifestId);
        Assert.Equal(first.TrackingNumber, a.TrackingNumber);
        Assert.Equal(StatusCode.ResourceExhausted, full.StatusCode);
        Assert.Contains("full", full.Status.Detail);
        Assert.Equal(ReturnStatus.AwaitingPickup, (await world.GetAsync(first.ReturnId)).Status);
        Assert.Equal(ReturnStatus.LabelIssued, (await world.GetAsync(third.ReturnId)).Status);
        var booked = Assert.Single(await world.EventsAsync(first.ReturnId), e => e.Type == "SchedulePickup");
        Assert.Contains("CARRIER-A", booked.Details);
    }

    [Fact]
    public async Task Only_carrier_pickup_returns_are_collected_and_only_in_offered_windows()
    {
        var dropOff = await world.Client.Returns.CreateReturnAsync(Support.Returns.NewReturn("cust-d", ReturnMethod.DropOffPoint), world.Merchant);
        var carrier = await world.NewReturnAsync();

        var notPickup = await FailsAsync(world.BookAsync(dropOff.ReturnId));
        var noWindow = await FailsAsync(world.BookAsync(carrier.ReturnId, starts: "14:00"));
        var past = await FailsAsync(world.BookAsync(carrier.ReturnId, date: DateOnly.Parse(world.Tomorrow).AddDays(-2).ToString("yyyy-MM-dd")));
        var bad = await FailsAsync(world.BookAsync(carrier.ReturnId, date: "tomorrow", starts: "9am"));

        Assert.Equal(StatusCode.FailedPrecondition, notPickup.StatusCode);
        Assert.Contains("drop_off_point", notPickup.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, noWindow.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, past.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(["date", "window_starts"], bad.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
        Assert.Equal(ReturnStatus.LabelIssued, (await world.GetAsync(carrier.ReturnId)).Status);
    }

    [Fact]
    public async Task Another_merchants_return_is_not_found()
    {
        var mine = await world.NewReturnAsync();
        var (_, otherKey) = await NewMerchantAsync(world.Client, PickupWorld.OperatorKey);

        var booking = await FailsAsync(world.BookAsync(mine.ReturnId, caller: As(otherKey)));
        var cancel = await FailsAsync(world.Client.Pickups.CancelPickupAsync(new CancelPickupRequest { RequestId = NewRequestId(), ReturnId = mine.ReturnId }, As(otherKey)).ResponseAsync);

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (booking.StatusCode, cancel.StatusCode));
        Assert.Equal(ReturnStatus.LabelIssued, (await world.GetAsync(mine.ReturnId)).Status);
    }

    [Fact]
    public async Task Cancelling_a_return_frees_its_pickup_place()
    {
        var cancelled = await world.NewReturnAsync();
        var first = await world.NewReturnAsync();
        var second = await world.NewReturnAsync();
        await world.BookAsync(cancelled.ReturnId);
        await world.BookAsync(first.ReturnId);

        await world.Client.Returns.CancelReturnAsync(new CancelReturnRequest { RequestId = NewRequestId(), ReturnId = cancelled.ReturnId }, world.Merchant);
        var intoFreedPlace = await world.BookAsync(second.ReturnId);

        Assert.Equal("CARRIER-A", intoFreedPlace.CarrierId);
        Assert.Equal(new[] { first.ReturnId, second.ReturnId }.Order(), (await world.Client.Pickups.ListPickupsAsync(new ListPickupsRequest(), world.Merchant)).Pickups.Select(p => p.ReturnId).Order());
    }

    [Fact]
    public async Task A_return_expiring_before_its_pickups_cut_off_frees_its_place()
    {
        var policy = await world.Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), world.Merchant);
        policy.LabelValidDays = 1;
        await world.Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy }, world.Merchant);
        var expiring = await world.NewReturnAsync();
        var date = DateOnly.Parse(world.Tomorrow).AddDays(2).ToString("yyyy-MM-dd");
        var booked = await world.BookAsync(expiring.ReturnId, date: date);

        world.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await Scheduling.SweepCompletion.RunAsync(await world.SchedulerAsync(), Silo.Scheduling.LabelExpiryJob.Key, world.Clock);
        var next = await world.NewReturnAsync();
        var intoFreedPlace = await world.BookAsync(next.ReturnId, date: date);

        Assert.Equal(ReturnStatus.Expired, (await world.GetAsync(expiring.ReturnId)).Status);
        Assert.Equal(booked.ManifestId, intoFreedPlace.ManifestId);
    }

    [Fact]
    public async Task A_retried_booking_answers_as_the_first_and_takes_one_place()
    {
        var first = await world.NewReturnAsync();
        var second = await world.NewReturnAsync();

        var booked = await world.BookAsync(first.ReturnId, requestId: "book-1");
        var retried = await world.BookAsync(first.ReturnId, requestId: "book-1");
        var other = await world.BookAsync(second.ReturnId);
        var reused = await FailsAsync(world.BookAsync(second.ReturnId, requestId: "book-1"));

        Assert.Equal(booked, retried);
        Assert.Equal(("CARRIER-A", "CARRIER-B"), (booked.CarrierId, other.CarrierId));
        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
        Assert.Single(await world.EventsAsync(first.ReturnId), e => e.Type == "SchedulePickup");
    }

    [Fact]
    public async Task A_pickup_is_moved_or_cancelled_before_the_cut_off_freeing_its_place_and_not_after()
    {
        var first = await world.NewReturnAsync();
        var second = await world.NewReturnAsync();
        var third = await world.NewReturnAsync();
        var dayAfter = DateOnly.Parse(world.Tomorrow).AddDays(1).ToString("yyyy-MM-dd");
        var a = await world.BookAsync(first.ReturnId);
        await world.BookAsync(second.ReturnId);

        var moved = await world.Client.Pickups.ReschedulePickupAsync(
            new ReschedulePickupRequest { RequestId = NewRequestId(), ReturnId = first.ReturnId, Date = dayAfter }, world.Merchant);
        var intoFreedPlace = await world.BookAsync(third.ReturnId);
        var cancelled = await world.Client.Pickups.CancelPickupAsync(new CancelPickupRequest { RequestId = NewRequestId(), ReturnId = second.ReturnId }, world.Merchant);

        Assert.Equal((dayAfter, "CARRIER-A"), (moved.Window.Date, moved.CarrierId));
        Assert.Equal(a.ManifestId, intoFreedPlace.ManifestId);
        Assert.Equal(PickupStatus.Cancelled, cancelled.Status);
        Assert.Equal(ReturnStatus.LabelIssued, (await world.GetAsync(second.ReturnId)).Status);
        var pickups = (await world.Client.Pickups.ListPickupsAsync(new ListPickupsRequest(), world.Merchant)).Pickups;
        Assert.Equal(new[] { first.ReturnId, third.ReturnId }.Order(), pickups.Select(p => p.ReturnId).Order());

        world.AdvancePast(intoFreedPlace.CutoffTime);
        var lateMove = await FailsAsync(world.Client.Pickups.ReschedulePickupAsync(
            new ReschedulePickupRequest { RequestId = NewRequestId(), ReturnId = third.ReturnId, Date = dayAfter }, world.Merchant).ResponseAsync);
        var lateCancel = await FailsAsync(world.Client.Pickups.CancelPickupAsync(
            new CancelPickupRequest { RequestId = NewRequestId(), ReturnId = third.ReturnId }, world.Merchant).ResponseAsync);

        Assert.Equal((StatusCode.FailedPrecondition, StatusCode.FailedPrecondition), (lateMove.StatusCode, lateCancel.StatusCode));
        Assert.Contains("cut-off", lateCancel.Status.Detail);
        var frozen = (await world.Client.Pickups.ListPickupsAsync(new ListPickupsRequest(), world.Merchant)).Pickups.Single(p => p.ReturnId == third.ReturnId);
        Assert.Equal(PickupStatus.Manifested, frozen.Status);
        Assert.Equal(ReturnStatus.AwaitingPickup, (await world.GetAsync(third.ReturnId)).Status);
    }
}
