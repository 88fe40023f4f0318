namespace ReverseLogistics.Domain.Webhooks;

/// <summary>An endpoint with its signing secret: the answer to creating it or rotating its secret, the only ones that show the secret.</summary>
public sealed record WebhookEndpointWithSecret(WebhookEndpoint Endpoint, string Secret);
