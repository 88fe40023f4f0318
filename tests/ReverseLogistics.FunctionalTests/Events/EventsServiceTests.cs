using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Handhelds;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Events;

/// <summary>The merchant's event feed over gRPC: ListEvents pages and WatchEvents streams, resumed by position.</summary>
public sealed class EventsServiceTests : IAsyncLifetime
{
    private const string OperatorKey = "rl-events-operator-key";
    private static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(300);
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));
    private InProcessSilo silo = null!;

    public async Task InitializeAsync() =>
        silo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = OperatorKey, EventHeartbeat = Heartbeat });

    public async Task DisposeAsync()
    {
        await silo.DisposeAsync();
        timeout.Dispose();
    }

    private PlatformClient Client => silo.Client;

    private CancellationToken Ct => timeout.Token;

    private async Task<CallOptions> MerchantAsync() => (await TenantAsync()).Merchant;

    private async Task<(string TenantId, CallOptions Merchant)> TenantAsync()
    {
        var (tenantId, key) = await NewMerchantAsync(Client, OperatorKey);
        var policy = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(key));
        policy.AutoApprove.MaxTotalValue = new Money { MinorUnits = 1000_00, CurrencyCode = "USD" };
        policy.RefundSettlementDays = 5;
        await Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy }, As(key));
        return (tenantId, As(key));
    }

    [Fact]
    public async Task A_return_taken_to_its_refund_is_in_the_feed_in_order_with_public_types_and_what_the_customer_gets()
    {
        var (tenantId, merchant) = await TenantAsync();
        var handheld = await NewHandheldAsync(Client, OperatorKey);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(lines: [Line(unitPrice: 100_00, quantity: 2)]), merchant);
        await Client.Receiving.ScanParcelAsync(Scan(created.TrackingNumber), handheld);
        await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 2)), handheld);
        await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 0, InspectionGrade.A), handheld);
        var settled = await Client.Returns.ConfirmRefundAsync(
            new ConfirmRefundRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, PaymentReference = "re_123" }, merchant);

        var feed = await Client.Events.ListEventsAsync(new ListEventsRequest(), merchant);

        Assert.Equal(
            ["return.created", "return.approved", "return.label_issued", "return.in_transit", "return.received", "return.line_inspected",
             "return.inspected", "return.refund_issued", "return.refunded"],
            feed.Events.Select(e => e.Type));
        Assert.True(feed.AtEnd);
        Assert.Equal(feed.Events[^1].Position, feed.NextAfterPosition);
        Assert.Equal(feed.Events.Select(e => e.Position).Order(), feed.Events.Select(e => e.Position));
        Assert.Equal(feed.Events.Count, feed.Events.Select(e => e.EventId).Distinct().Count());
        Assert.All(feed.Events, e => Assert.Equal((created.ReturnId, tenantId), (e.ReturnId, e.TenantId)));
        var first = feed.Events[0];
        Assert.Equal((ReturnStatus.Unspecified, ReturnStatus.Requested), (first.FromStatus, first.ToStatus));
        var approved = feed.Events[1];
        Assert.Equal((ReturnStatus.Requested, ReturnStatus.Approved, "system:auto-approve"), (approved.FromStatus, approved.ToStatus, approved.Actor));
        var refunded = feed.Events[^1];
        Assert.Equal((ReturnStatus.RefundPending, ReturnStatus.Refunded, "re_123"), (refunded.FromStatus, refunded.ToStatus, refunded.PaymentReference));
        Assert.Equal(settled.Refund.Total, refunded.RefundTotal);
        Assert.Equal(settled.Refund.Total, feed.Events[^2].RefundTotal);
        // The store keeps event times to the microsecond, the event's data to the tick.
        Assert.Equal(refunded.OccurTime.ToDateTime().AddDays(5), refunded.FundsExpectedTime.ToDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Null(feed.Events[^2].FundsExpectedTime); // due, not paid yet: the merchant's provider has not started the clock
        Assert.Null(approved.RefundTotal);
    }

    [Fact]
    public async Task Pages_resume_after_their_position_with_no_gap_or_repeat_and_a_type_filter_skips_the_rest()
    {
        var merchant = await MerchantAsync();
        for (var i = 0; i < 3; i++) await Client.Returns.CreateReturnAsync(NewReturn(customer: $"cust-{i}"), merchant);
        var all = (await Client.Events.ListEventsAsync(new ListEventsRequest { PageSize = 1000 }, merchant)).Events;

        var paged = new List<Event>();
        var request = new ListEventsRequest { PageSize = 2 };
        ListEventsResponse page;
        do
        {
            page = await Client.Events.ListEventsAsync(request, merchant);
            paged.AddRange(page.Events);
            request.AfterPosition = page.NextAfterPosition;
        }
        while (!page.AtEnd);
        var created = new ListEventsRequest { EventTypes = { "return.created" } };
        var onlyCreated = await Client.Events.ListEventsAsync(created, merchant);

        Assert.Equal(all.Select(e => e.EventId), paged.Select(e => e.EventId));
        Assert.Equal(3, onlyCreated.Events.Count);
        Assert.All(onlyCreated.Events, e => Assert.Equal("return.created", e.Type));
        Assert.Equal(all[^1].Position, onlyCreated.NextAfterPosition);
    }

    [Fact]
    public async Task A_tenant_sees_only_its_own_events()
    {
        var mine = await MerchantAsync();
        var theirs = await MerchantAsync();
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), mine);
        await Client.Returns.CreateReturnAsync(NewReturn(), theirs);

        var feed = await Client.Events.ListEventsAsync(new ListEventsRequest(), mine);

        Assert.NotEmpty(feed.Events);
        Assert.All(feed.Events, e => Assert.Equal(created.ReturnId, e.ReturnId));
    }

    [Fact]
    public async Task A_watch_sends_the_past_then_new_events_and_resumes_after_a_disconnect_with_no_gap_or_repeat()
    {
        var merchant = await MerchantAsync();
        var first = await Client.Returns.CreateReturnAsync(NewReturn(customer: "cust-a"), merchant);
        var seen = new List<Event>();

        using (var watch = Client.Events.WatchEvents(new WatchEventsRequest(), merchant.WithCancellationToken(Ct)))
        {
            await ReadEventsAsync(watch, seen, until: e => e.Type == "return.label_issued");
            await Client.Returns.CreateReturnAsync(NewReturn(customer: "cust-b"), merchant);
            await ReadEventsAsync(watch, seen, until: e => e.Type == "return.created" && e.ReturnId != first.ReturnId);
        }
        var second = seen[^1].ReturnId;
        await Client.Returns.CancelReturnAsync(new CancelReturnRequest { RequestId = NewRequestId(), ReturnId = second, Reason = "changed my mind" }, merchant);
        using (var resumed = Client.Events.WatchEvents(new WatchEventsRequest { AfterPosition = seen[^1].Position }, merchant.WithCancellationToken(Ct)))
        {
            await ReadEventsAsync(resumed, seen, until: e => e.Type == "return.cancelled");
        }

        var feed = await Client.Events.ListEventsAsync(new ListEventsRequest(), merchant);
        Assert.Equal(feed.Events.Select(e => e.EventId), seen.Select(e => e.EventId));
    }

    [Fact]
    public async Task An_idle_watch_from_now_gets_heartbeats_naming_the_position_it_has_read_up_to()
    {
        var merchant = await MerchantAsync();
        await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var last = (await Client.Events.ListEventsAsync(new ListEventsRequest(), merchant)).Events[^1].Position;

        using var watch = Client.Events.WatchEvents(new WatchEventsRequest { FromNow = true }, merchant.WithCancellationToken(Ct));
        Assert.True(await watch.ResponseStream.MoveNext(Ct));
        Assert.Equal(WatchEventsResponse.MessageOneofCase.Heartbeat, watch.ResponseStream.Current.MessageCase);
        Assert.Equal(last, watch.ResponseStream.Current.Heartbeat.Position);
        Assert.True(await watch.ResponseStream.MoveNext(Ct));
        Assert.Equal(WatchEventsResponse.MessageOneofCase.Heartbeat, watch.ResponseStream.Current.MessageCase);
    }

    [Fact]
    public async Task An_unknown_type_or_a_start_both_from_now_and_from_a_position_is_invalid_and_handhelds_may_not_read_the_feed()
    {
        var merchant = await MerchantAsync();
        var handheld = await NewHandheldAsync(Client, OperatorKey);

        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            Client.Events.ListEventsAsync(new ListEventsRequest { EventTypes = { "return.approved", "return.teleported" } }, merchant).ResponseAsync);
        var both = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            using var watch = Client.Events.WatchEvents(new WatchEventsRequest { FromNow = true, AfterPosition = 5 }, merchant.WithCancellationToken(Ct));
            await watch.ResponseStream.MoveNext(Ct);
        });
        var denied = await Assert.ThrowsAsync<RpcException>(() => Client.Events.ListEventsAsync(new ListEventsRequest(), handheld).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, unknown.StatusCode);
        Assert.Contains("event_types[1]", unknown.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, both.StatusCode);
        Assert.Contains("from_now", both.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    /// <summary>Reads events (skipping heartbeats) into <paramref name="seen"/> until one matches.</summary>
    private async Task ReadEventsAsync(AsyncServerStreamingCall<WatchEventsResponse> watch, List<Event> seen, Func<Event, bool> until)
    {
        while (await watch.ResponseStream.MoveNext(Ct))
        {
            if (watch.ResponseStream.Current.MessageCase != WatchEventsResponse.MessageOneofCase.Event) continue;
            seen.Add(watch.ResponseStream.Current.Event);
            if (until(seen[^1])) return;
        }
        Assert.Fail("The stream ended before the expected event.");
    }
}
