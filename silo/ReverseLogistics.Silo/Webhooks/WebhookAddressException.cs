namespace ReverseLogistics.Silo.Webhooks;

/// <summary>A webhook's host resolved only to addresses webhooks may not reach.</summary>
public sealed class WebhookAddressException(string message) : IOException(message);
