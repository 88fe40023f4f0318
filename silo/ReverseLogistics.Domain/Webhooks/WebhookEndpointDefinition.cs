namespace ReverseLogistics.Domain.Webhooks;

/// <summary>What a merchant sets on an endpoint: where events go, which types (empty: all) and a note for itself.</summary>
public sealed record WebhookEndpointDefinition(string Url, IReadOnlyList<string> EventTypes, string Description);
