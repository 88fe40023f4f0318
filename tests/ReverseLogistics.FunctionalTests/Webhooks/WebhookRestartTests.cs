using Microsoft.Extensions.Time.Testing;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Webhooks;

/// <summary>Deliveries survive a silo stopping in the middle of one: the cursor is durable, so nothing is lost (a repeat is allowed).</summary>
public sealed class WebhookRestartTests
{
    [Fact]
    public async Task A_silo_stopped_mid_delivery_and_started_again_on_its_data_delivers_every_pending_event()
    {
        var directory = Directory.CreateTempSubdirectory("rl-webhooks-").FullName;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = WebhookSilo.Options(clock) with { DataDirectory = directory };
        await using var receiver = await WebhookReceiver.StartAsync((_, n) => n == 0 ? -1 : 200); // the first request hangs
        try
        {
            IReadOnlyList<Event> events;
            CreateWebhookEndpointResponse endpoint;
            string key;
            await using (var first = await InProcessSilo.StartAsync(options))
            {
                (_, key) = await NewMerchantAsync(first.Client, WebhookSilo.OperatorKey);
                endpoint = await first.Client.Webhooks.CreateWebhookEndpointAsync(
                    new CreateWebhookEndpointRequest { RequestId = NewRequestId(), Url = receiver.Url }, As(key));
                await first.Client.Returns.CreateReturnAsync(NewReturn(), As(key));
                await first.Client.Returns.CreateReturnAsync(NewReturn(customer: "cust-2"), As(key));
                events = (await first.Client.Events.ListEventsAsync(new ListEventsRequest(), As(key))).Events;
                Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receiver.Requests.Count == 1)));
            } // stopped while the first delivery waits for its answer

            await using var second = await InProcessSilo.StartAsync(options);
            Assert.True(await Eventually.HoldsAsync(() =>
            {
                clock.Advance(TimeSpan.FromSeconds(10)); // past the back-off, if the first attempt was recorded as failed
                return Task.FromResult(events.All(e => receiver.Delivered.Contains(e.EventId)));
            }));

            Assert.Equal(events.Select(e => e.EventId), receiver.Delivered.Distinct());
            Assert.All(receiver.Requests, r => Assert.True(r.SignedWith(endpoint.Secret)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
