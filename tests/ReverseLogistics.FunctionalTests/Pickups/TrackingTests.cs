using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Pickups;

/// <summary>Carrier integrations report tracking events (operator role); returns move forward only, duplicates answer as the first time.</summary>
public sealed class TrackingTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc);
    private PickupWorld world = null!;

    public async Task InitializeAsync() => world = await PickupWorld.StartAsync();

    public async Task DisposeAsync() => await world.DisposeAsync();

    private Task<TrackingEventResult> ReportAsync(Return r, string eventId, TrackingEventKind kind, DateTime at, string? requestId = null,
        CallOptions? caller = null) =>
        world.Client.Pickups.ReportTrackingEventAsync(new ReportTrackingEventRequest
        {
            RequestId = requestId ?? NewRequestId(),
            TrackingNumber = r.TrackingNumber,
            CarrierId = "CARRIER-A",
            CarrierEventId = eventId,
            Kind = kind,
            OccurredAt = Timestamp.FromDateTime(at),
            Location = "Portland hub",
        }, caller ?? world.Operator).ResponseAsync;

    [Fact]
    public async Task Events_in_order_move_a_booked_return_to_in_transit_and_it_waits_there_for_the_centres_scan()
    {
        var created = await world.NewReturnAsync();
        await world.BookAsync(created.ReturnId);

        var pickedUp = await ReportAsync(created, "ev-1", TrackingEventKind.PickedUp, T0);
        var moving = await ReportAsync(created, "ev-2", TrackingEventKind.InTransit, T0.AddHours(5));
        var delivered = await ReportAsync(created, "ev-3", TrackingEventKind.DeliveredToCenter, T0.AddDays(1));
        var handheld = await Handhelds.NewHandheldAsync(world.Client, PickupWorld.OperatorKey, PickupWorld.Centre);
        await world.Client.Receiving.ReceiveItemsAsync(Handhelds.Receive(created.ReturnId, (0, 1)), handheld);
        var afterReceipt = await ReportAsync(created, "ev-4", TrackingEventKind.DeliveredToCenter, T0.AddDays(2));

        Assert.Equal((world.TenantId, created.ReturnId, TrackingOutcome.Applied, ReturnStatus.InTransit),
            (pickedUp.TenantId, pickedUp.ReturnId, pickedUp.Outcome, pickedUp.Status));
        Assert.Equal((TrackingOutcome.Applied, ReturnStatus.InTransit), (moving.Outcome, moving.Status));
        Assert.Equal((TrackingOutcome.Applied, ReturnStatus.InTransit), (delivered.Outcome, delivered.Status));
        Assert.Equal((TrackingOutcome.Ignored, ReturnStatus.Received), (afterReceipt.Outcome, afterReceipt.Status));
        var transit = Assert.Single(await world.EventsAsync(created.ReturnId), e => e.Type == "MarkInTransit");
        Assert.Equal(("carrier:CARRIER-A", ReturnStatus.AwaitingPickup), (transit.Actor, transit.FromStatus));
        var pickup = Assert.Single((await world.Client.Pickups.ListPickupsAsync(new ListPickupsRequest(), world.Merchant)).Pickups);
        Assert.Equal(PickupStatus.PickedUp, pickup.Status);
    }

    [Fact]
    public async Task A_repeated_carrier_event_answers_as_the_first_time_and_moves_nothing_again()
    {
        var created = await world.NewReturnAsync();

        var first = await ReportAsync(created, "ev-1", TrackingEventKind.PickedUp, T0, requestId: "track-1");
        var retried = await ReportAsync(created, "ev-1", TrackingEventKind.PickedUp, T0, requestId: "track-1");
        var resent = await ReportAsync(created, "ev-1", TrackingEventKind.Exception, T0.AddHours(1));

        Assert.Equal(first, retried);
        Assert.Equal(first, resent);
        Assert.Equal(ReturnStatus.InTransit, (await world.GetAsync(created.ReturnId)).Status);
        Assert.Single(await world.EventsAsync(created.ReturnId), e => e.Type == "MarkInTransit");
    }

    [Fact]
    public async Task An_event_older_than_the_latest_applied_is_ignored_and_never_moves_the_return_back()
    {
        var created = await world.NewReturnAsync();
        await world.BookAsync(created.ReturnId);

        var inTransit = await ReportAsync(created, "ev-2", TrackingEventKind.InTransit, T0.AddHours(3));
        var latePickup = await ReportAsync(created, "ev-1", TrackingEventKind.PickedUp, T0);
        var staleException = await ReportAsync(created, "ev-0", TrackingEventKind.Exception, T0.AddHours(1));
        var exception = await ReportAsync(created, "ev-3", TrackingEventKind.Exception, T0.AddHours(4));

        Assert.Equal((TrackingOutcome.Applied, ReturnStatus.InTransit), (inTransit.Outcome, inTransit.Status));
        Assert.Equal((TrackingOutcome.Ignored, ReturnStatus.InTransit), (latePickup.Outcome, latePickup.Status));
        Assert.Contains("older", latePickup.Explanation);
        Assert.Equal((TrackingOutcome.Ignored, ReturnStatus.InTransit), (staleException.Outcome, staleException.Status));
        Assert.Equal((TrackingOutcome.Applied, ReturnStatus.Exception), (exception.Outcome, exception.Status));
        var timeline = await world.EventsAsync(created.ReturnId);
        Assert.Equal(["MarkInTransit", "RaiseException"], timeline.Where(e => e.Actor.StartsWith("carrier:")).Select(e => e.Type));
    }

    [Fact]
    public async Task Only_operators_report_and_an_unknown_tracking_number_is_not_found()
    {
        var created = await world.NewReturnAsync();

        var merchant = await Assert.ThrowsAsync<RpcException>(() => ReportAsync(created, "ev-1", TrackingEventKind.PickedUp, T0, caller: world.Merchant));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => ReportAsync(new Return { TrackingNumber = "1ZUNKNOWN" }, "ev-1", TrackingEventKind.PickedUp, T0));
        var missingTime = await Assert.ThrowsAsync<RpcException>(() => world.Client.Pickups.ReportTrackingEventAsync(
            new ReportTrackingEventRequest { RequestId = NewRequestId(), TrackingNumber = created.TrackingNumber, CarrierId = "CARRIER-A" }, world.Operator).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, merchant.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, missingTime.StatusCode);
        Assert.Equal(["carrier_event_id", "kind", "occurred_at"], missingTime.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
        Assert.Equal(ReturnStatus.LabelIssued, (await world.GetAsync(created.ReturnId)).Status);
    }
}
