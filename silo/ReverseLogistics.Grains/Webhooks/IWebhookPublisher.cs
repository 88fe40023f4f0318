using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Webhooks;

/// <summary>
/// How the endpoint grains see events and reach receivers; the silo implements it, since the public form of an event
/// (its type name and its JSON) belongs to the API, which grains do not see.
/// </summary>
public interface IWebhookPublisher
{
    /// <summary>The event's public type; null when merchants do not see it.</summary>
    string? PublicType(StoredEvent stored);

    /// <summary>POSTs the event to <paramref name="url"/>, signed with <paramref name="secret"/>. Never throws for the receiver's faults.</summary>
    Task<WebhookAttempt> SendAsync(Uri url, string secret, StoredEvent stored);
}

/// <summary>One attempt's result: delivered (2xx) or not, the HTTP status when there was an answer, and what went wrong.</summary>
public sealed record WebhookAttempt(bool Delivered, int? ResponseCode, string? Error);
