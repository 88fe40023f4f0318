using Microsoft.Extensions.Time.Testing;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Webhooks;

/// <summary>
/// More endpoints than the dispatcher calls at once: every endpoint still gets every event, in order. Rounds are an
/// hour apart, so only the commits' wake-ups drive delivery, and an endpoint woken while every slot is taken must wait
/// its turn rather than be forgotten.
/// </summary>
public sealed class WebhookFairnessTests : IAsyncLifetime
{
    private const int Endpoints = 6;
    private InProcessSilo silo = null!;
    private readonly List<WebhookReceiver> receivers = [];

    public async Task InitializeAsync()
    {
        silo = await InProcessSilo.StartFreshAsync(WebhookSilo.Options(new FakeTimeProvider(DateTimeOffset.UtcNow)) with
        {
            WebhookPollInterval = TimeSpan.FromHours(1),
            WebhookParallelism = 2,
        });
        for (var i = 0; i < Endpoints; i++) receivers.Add(await WebhookReceiver.StartAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var receiver in receivers) await receiver.DisposeAsync();
        await silo.DisposeAsync();
    }

    [Fact]
    public async Task Every_endpoint_gets_every_event_when_there_are_more_endpoints_than_calls_at_once()
    {
        var merchant = await WebhookSilo.MerchantAsync(silo.Client);
        foreach (var receiver in receivers)
            await silo.Client.Webhooks.CreateWebhookEndpointAsync(new CreateWebhookEndpointRequest { RequestId = NewRequestId(), Url = receiver.Url }, merchant);

        for (var i = 0; i < 3; i++) await silo.Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var events = (await silo.Client.Events.ListEventsAsync(new ListEventsRequest(), merchant)).Events.Select(e => e.EventId).ToList();

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receivers.All(r => r.Delivered.Count >= events.Count))),
            $"delivered per endpoint: {string.Join(", ", receivers.Select(r => r.Delivered.Count))} of {events.Count}");
        Assert.All(receivers, receiver => Assert.Equal(events, receiver.Delivered));
    }
}
