using ReverseLogistics.Domain.Webhooks;

namespace ReverseLogistics.Grains.Webhooks;

/// <summary>
/// How much an endpoint grain does per <see cref="IWebhookEndpointGrain.DeliverDueAsync"/>: at most
/// <see cref="AttemptsPerCall"/> attempts, and no new one once <see cref="CallBudget"/> has passed, so a call stays well
/// inside Orleans' response timeout and the endpoint's other calls wait little.
/// </summary>
public sealed record WebhookDeliveryOptions(RetrySchedule Schedule, int AttemptsPerCall, TimeSpan CallBudget)
{
    public static WebhookDeliveryOptions Default { get; } = new(RetrySchedule.Default, 100, TimeSpan.FromSeconds(2));
}
