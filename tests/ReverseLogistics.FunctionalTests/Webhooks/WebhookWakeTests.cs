using Microsoft.Extensions.Time.Testing;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Webhooks;

/// <summary>
/// Delivery does not wait for the dispatcher's next round: with rounds an hour apart, a new endpoint is called when it is
/// created, and the tenant's next events wake it as they are committed.
/// </summary>
public sealed class WebhookWakeTests : IAsyncLifetime
{
    private InProcessSilo silo = null!;
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        silo = await InProcessSilo.StartFreshAsync(WebhookSilo.Options(new FakeTimeProvider(DateTimeOffset.UtcNow)) with
        {
            WebhookPollInterval = TimeSpan.FromHours(1),
        });
        receiver = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await silo.DisposeAsync();
    }

    [Fact]
    public async Task A_tenants_committed_events_wake_its_endpoint_between_rounds()
    {
        var merchant = await WebhookSilo.MerchantAsync(silo.Client);
        await silo.Client.Webhooks.CreateWebhookEndpointAsync(new CreateWebhookEndpointRequest { RequestId = NewRequestId(), Url = receiver.Url }, merchant);

        await silo.Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var events = (await silo.Client.Events.ListEventsAsync(new ListEventsRequest(), merchant)).Events;

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receiver.Delivered.Count >= events.Count)),
            $"delivered {receiver.Delivered.Count} of {events.Count}");
        Assert.Equal(events.Select(e => e.EventId), receiver.Delivered);
    }
}
