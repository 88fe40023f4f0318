using Orleans;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Domain.Webhooks;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Webhooks;

/// <summary>
/// One webhook endpoint of a merchant (key: tenant / endpoint id): its definition, its secret, and the delivery of
/// the tenant's events to it, one after the other in order, from the event log. Reads go through the store, not here, so
/// they never wait behind a delivery.
/// </summary>
public interface IWebhookEndpointGrain : IGrainWithStringKey
{
    /// <summary>Creates the endpoint; it receives the events committed from now on.</summary>
    [FreshKey]
    Task<WebhookEndpointWithSecret> CreateAsync(WebhookEndpointDefinition definition, Caller caller, IdempotencyTicket ticket);

    /// <summary>Replaces the definition; enabled true re-enables a disabled endpoint where it stopped.</summary>
    Task<WebhookEndpoint> UpdateAsync(WebhookEndpointDefinition definition, bool enabled, Caller caller, IdempotencyTicket ticket);

    Task<WebhookEndpoint> DeleteAsync(Caller caller, IdempotencyTicket ticket);

    /// <summary>A new secret signs every delivery from now on; the old one stops at once.</summary>
    Task<WebhookEndpointWithSecret> RotateSecretAsync(Caller caller, IdempotencyTicket ticket);

    /// <summary>Queues the tenant's event at <paramref name="position"/> to be sent again, after the current head.</summary>
    Task<DeliveryRecord> RedeliverAsync(long position, Caller caller, IdempotencyTicket ticket);

    /// <summary>Sends what is due, in order, a bounded amount per call; true when it stopped at its bound with more to send.</summary>
    Task<bool> DeliverDueAsync();
}
