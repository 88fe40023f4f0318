using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Webhooks;

/// <summary>
/// Webhook delivery end to end: a real receiver on 127.0.0.1, the silo's dispatcher and endpoint grains, and the
/// platform clock moved to reach retries instead of waiting for them.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookSilo fixture) : IClassFixture<WebhookSilo>, IAsyncLifetime
{
    private readonly List<WebhookReceiver> receivers = [];

    private PlatformClient Client => fixture.Client;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var receiver in receivers) await receiver.DisposeAsync();
    }

    private async Task<WebhookReceiver> ReceiverAsync(Func<ReceivedWebhook, int, int>? script = null)
    {
        var receiver = await WebhookReceiver.StartAsync(script);
        receivers.Add(receiver);
        return receiver;
    }

    private async Task<CreateWebhookEndpointResponse> EndpointAsync(CallOptions merchant, WebhookReceiver receiver, params string[] types) =>
        await Client.Webhooks.CreateWebhookEndpointAsync(new CreateWebhookEndpointRequest
        {
            RequestId = NewRequestId(), Url = receiver.Url, EventTypes = { types }, Description = "test receiver",
        }, merchant);

    private async Task<IReadOnlyList<Event>> EventsAsync(CallOptions merchant) =>
        (await Client.Events.ListEventsAsync(new ListEventsRequest { PageSize = 1000 }, merchant)).Events;

    private async Task<IReadOnlyList<Delivery>> DeliveriesAsync(CallOptions merchant, string endpointId) =>
        (await Client.Webhooks.ListDeliveriesAsync(new ListDeliveriesRequest { EndpointId = endpointId, PageSize = 100 }, merchant)).Deliveries;

    /// <summary>Moves the platform clock by <paramref name="step"/> each time it looks, until the condition holds.</summary>
    private Task<bool> AdvancingAsync(TimeSpan step, Func<Task<bool>> condition) => Eventually.HoldsAsync(async () =>
    {
        if (await condition()) return true;
        fixture.Clock.Advance(step);
        return false;
    });

    [Fact]
    public async Task Every_event_is_posted_in_order_as_json_with_its_id_type_and_a_signature_that_verifies_with_the_secret()
    {
        var merchant = await WebhookSilo.MerchantAsync(Client);
        var receiver = await ReceiverAsync();
        var endpoint = await EndpointAsync(merchant, receiver);
        await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        await Client.Returns.CreateReturnAsync(NewReturn(customer: "cust-2"), merchant);
        var events = await EventsAsync(merchant);

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receiver.Delivered.Count >= events.Count)));

        Assert.Equal(events.Select(e => e.EventId), receiver.Delivered);
        Assert.All(receiver.Requests, request =>
        {
            Assert.True(request.SignedWith(endpoint.Secret), $"signature of {request.EventId}");
            Assert.False(request.SignedWith("whsec_not-the-secret"));
            Assert.Equal("application/json", request.ContentType);
            Assert.Equal((request.EventId, request.EventType), (request.Event.EventId, request.Event.Type));
        });
        Assert.Equal(events, receiver.Requests.Select(r => r.Event));
        Assert.StartsWith("whsec_", endpoint.Secret);
        Assert.True(await Eventually.HoldsAsync(async () => (await DeliveriesAsync(merchant, endpoint.Endpoint.EndpointId)).Count == events.Count));
        var deliveries = await DeliveriesAsync(merchant, endpoint.Endpoint.EndpointId);
        Assert.Equal(events.Select(e => e.EventId).Reverse(), deliveries.Select(d => d.EventId));
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Delivered, 1, 200), (d.Status, d.Attempts, d.LastResponseCode)));
    }

    [Fact]
    public async Task An_endpoint_receives_only_the_types_it_asked_for_and_one_without_a_filter_receives_all()
    {
        var merchant = await WebhookSilo.MerchantAsync(Client);
        var (all, created, decided) = (await ReceiverAsync(), await ReceiverAsync(), await ReceiverAsync());
        await EndpointAsync(merchant, all);
        await EndpointAsync(merchant, created, "return.created");
        await EndpointAsync(merchant, decided, "return.approved", "return.label_issued", "return.rejected");
        await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var events = await EventsAsync(merchant);
        string[] Of(params string[] types) => [.. events.Where(e => types.Contains(e.Type)).Select(e => e.EventId)];

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(
            all.Delivered.Count >= events.Count && created.Delivered.Count >= 1 && decided.Delivered.Count >= 2)));

        Assert.Equal(events.Select(e => e.EventId), all.Delivered);
        Assert.Equal(Of("return.created"), created.Delivered);
        Assert.Equal(Of("return.approved", "return.label_issued", "return.rejected"), decided.Delivered);
        Assert.Equal(2, decided.Delivered.Count);
    }

    [Fact]
    public async Task A_500_is_retried_after_its_back_off_and_delivered_and_the_next_event_waits_for_it()
    {
        var merchant = await WebhookSilo.MerchantAsync(Client);
        var receiver = await ReceiverAsync((_, n) => n == 0 ? 500 : 200);
        var endpoint = await EndpointAsync(merchant, receiver);
        await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var events = await EventsAsync(merchant);
        var id = endpoint.Endpoint.EndpointId;

        Assert.True(await Eventually.HoldsAsync(async () => (await DeliveriesAsync(merchant, id)) is [{ Status: DeliveryStatus.Failed }]));
        var failed = (await DeliveriesAsync(merchant, id))[0];
        Assert.Equal((events[0].EventId, 1, 500, "HTTP 500"), (failed.EventId, failed.Attempts, failed.LastResponseCode, failed.LastError));
        Assert.True(failed.NextAttemptTime.ToDateTimeOffset() <= failed.LastAttemptTime.ToDateTimeOffset().AddSeconds(10));

        Assert.True(await AdvancingAsync(TimeSpan.FromSeconds(5), () => Task.FromResult(receiver.Delivered.Count >= events.Count)));

        Assert.Equal([events[0].EventId, .. events.Select(e => e.EventId)], receiver.Requests.Select(r => r.EventId));
        Assert.True(await Eventually.HoldsAsync(async () => (await DeliveriesAsync(merchant, id)).Count == events.Count));
        var first = (await DeliveriesAsync(merchant, id))[^1];
        Assert.Equal((events[0].EventId, DeliveryStatus.Delivered, 2, 200, ""), (first.EventId, first.Status, first.Attempts, first.LastResponseCode, first.LastError));
    }

    [Fact]
    public async Task A_receiver_that_does_not_answer_in_time_is_a_failed_attempt_and_is_tried_again()
    {
        var merchant = await WebhookSilo.MerchantAsync(Client);
        var receiver = await ReceiverAsync((_, n) => n == 0 ? -1 : 200);
        var endpoint = await EndpointAsync(merchant, receiver);
        await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var events = await EventsAsync(merchant);
        var id = endpoint.Endpoint.EndpointId;

        Assert.True(await Eventually.HoldsAsync(async () => (await DeliveriesAsync(merchant, id)) is [{ Status: DeliveryStatus.Failed }]));
        var failed = (await DeliveriesAsync(merchant, id))[0];
        Assert.Equal((1, 0), (failed.Attempts, failed.LastResponseCode));
        Assert.Contains("no answer within 1 s", failed.LastError);

        Assert.True(await AdvancingAsync(TimeSpan.FromSeconds(5), () => Task.FromResult(receiver.Delivered.Count >= events.Count)));
        Assert.Equal(events.Select(e => e.EventId), receiver.Delivered);
    }

    [Fact]
    public async Task Events_failing_now_and_then_still_arrive_in_position_order()
    {
        var merchant = await WebhookSilo.MerchantAsync(Client);
        var receiver = await ReceiverAsync((_, n) => n % 2 == 0 ? 503 : 204);
        await EndpointAsync(merchant, receiver);
        for (var i = 0; i < 3; i++) await Client.Returns.CreateReturnAsync(NewReturn(customer: $"cust-{i}"), merchant);
        var events = await EventsAsync(merchant);

        Assert.True(await AdvancingAsync(TimeSpan.FromSeconds(5), () => Task.FromResult(receiver.Delivered.Count >= events.Count)));

        Assert.Equal(events.Select(e => e.EventId), receiver.Delivered);
        Assert.Equal(events.SelectMany(e => new[] { e.EventId, e.EventId }), receiver.Requests.Select(r => r.EventId));
    }

    [Fact]
    public async Task RedeliverEvent_sends_an_event_again_after_the_others()
    {
        var merchant = await WebhookSilo.MerchantAsync(Client);
        var receiver = await ReceiverAsync();
        var endpoint = await EndpointAsync(merchant, receiver, "return.created");
        await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var events = await EventsAsync(merchant);
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receiver.Delivered.Count == 1)));

        var approved = events.First(e => e.Type == "return.approved"); // not in the filter: a redelivery is sent anyway
        var queued = await Client.Webhooks.RedeliverEventAsync(new RedeliverEventRequest
        {
            RequestId = NewRequestId(), EndpointId = endpoint.Endpoint.EndpointId, EventId = events[0].EventId,
        }, merchant);
        await Client.Webhooks.RedeliverEventAsync(new RedeliverEventRequest
        {
            RequestId = NewRequestId(), EndpointId = endpoint.Endpoint.EndpointId, EventId = approved.EventId,
        }, merchant);

        Assert.Equal((events[0].EventId, DeliveryStatus.Pending, true), (queued.EventId, queued.Status, queued.Redelivery));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receiver.Delivered.Count == 3)));
        Assert.Equal([events[0].EventId, events[0].EventId, approved.EventId], receiver.Delivered);
        Assert.True(receiver.Requests[1].SignedWith(endpoint.Secret));
        var missing = await Assert.ThrowsAsync<RpcException>(() => Client.Webhooks.RedeliverEventAsync(new RedeliverEventRequest
        {
            RequestId = NewRequestId(), EndpointId = endpoint.Endpoint.EndpointId, EventId = "evt_999999999",
        }, merchant).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_event_failing_for_24_hours_is_dead_lettered_and_the_next_one_goes()
    {
        var merchant = await WebhookSilo.MerchantAsync(Client);
        string? poisoned = null;
        var receiver = await ReceiverAsync((request, _) => (poisoned ??= request.EventId) == request.EventId ? 500 : 200);
        var endpoint = await EndpointAsync(merchant, receiver);
        await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var events = await EventsAsync(merchant);
        var id = endpoint.Endpoint.EndpointId;

        Assert.True(await AdvancingAsync(TimeSpan.FromMinutes(30), () => Task.FromResult(receiver.Delivered.Count >= events.Count - 1)));

        // Moving the clock a day may add events (timers firing): compare what was there before.
        Assert.Equal(events.Skip(1).Select(e => e.EventId), receiver.Delivered.Take(events.Count - 1));
        Assert.True(await Eventually.HoldsAsync(async () => (await DeliveriesAsync(merchant, id)).Count >= events.Count));
        var dead = (await DeliveriesAsync(merchant, id)).Single(d => d.EventId == events[0].EventId);
        Assert.Equal((events[0].EventId, DeliveryStatus.DeadLettered), (dead.EventId, dead.Status));
        Assert.True(dead.Attempts >= 2, $"{dead.Attempts} attempts");
        Assert.Equal(dead.Attempts, receiver.Requests.Count(r => r.EventId == events[0].EventId));
        var listed = (await Client.Webhooks.ListWebhookEndpointsAsync(new ListWebhookEndpointsRequest(), merchant)).Endpoints.Single();
        Assert.Equal((true, 0), (listed.Enabled, listed.ConsecutiveDeadLetters));
    }

    [Fact]
    public async Task Three_dead_letters_in_a_row_disable_the_endpoint_and_re_enabling_it_resumes_after_them()
    {
        var merchant = await WebhookSilo.MerchantAsync(Client);
        var receiver = await ReceiverAsync((_, _) => 500);
        var endpoint = await EndpointAsync(merchant, receiver);
        for (var i = 0; i < 2; i++) await Client.Returns.CreateReturnAsync(NewReturn(customer: $"cust-{i}"), merchant);
        var events = await EventsAsync(merchant);
        Assert.True(events.Count > 3);

        Task<WebhookEndpoint> ListedAsync() => Client.Webhooks.ListWebhookEndpointsAsync(new ListWebhookEndpointsRequest(), merchant)
            .ResponseAsync.ContinueWith(t => t.Result.Endpoints.Single());
        Assert.True(await AdvancingAsync(TimeSpan.FromHours(1), async () => !(await ListedAsync()).Enabled));

        var disabled = await ListedAsync();
        Assert.Equal(3, disabled.ConsecutiveDeadLetters);
        Assert.Contains("3 deliveries in a row were dead-lettered", disabled.DisabledReason);
        Assert.NotNull(disabled.DisableTime);
        Assert.Equal(events.Take(3).Select(e => e.EventId), receiver.Requests.Select(r => r.EventId).Distinct());

        receiver.Answer((_, _) => 200);
        var enabled = await Client.Webhooks.UpdateWebhookEndpointAsync(new UpdateWebhookEndpointRequest
        {
            RequestId = NewRequestId(), EndpointId = endpoint.Endpoint.EndpointId, Url = receiver.Url, Enabled = true,
        }, merchant);
        Assert.Equal((true, 0, ""), (enabled.Enabled, enabled.ConsecutiveDeadLetters, enabled.DisabledReason));
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receiver.Delivered.Count >= events.Count - 3)));
        Assert.Equal(events.Skip(3).Select(e => e.EventId), receiver.Delivered.Take(events.Count - 3));
    }

    [Fact]
    public async Task A_rotated_secret_signs_the_deliveries_after_it_and_the_old_one_no_longer_verifies()
    {
        var merchant = await WebhookSilo.MerchantAsync(Client);
        var receiver = await ReceiverAsync();
        var endpoint = await EndpointAsync(merchant, receiver, "return.created");
        var rotated = await Client.Webhooks.RotateWebhookSecretAsync(new RotateWebhookSecretRequest
        {
            RequestId = NewRequestId(), EndpointId = endpoint.Endpoint.EndpointId,
        }, merchant);
        await Client.Returns.CreateReturnAsync(NewReturn(), merchant);

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receiver.Delivered.Count == 1)));
        Assert.NotEqual(endpoint.Secret, rotated.Secret);
        Assert.True(receiver.Requests[0].SignedWith(rotated.Secret));
        Assert.False(receiver.Requests[0].SignedWith(endpoint.Secret));
    }
}
