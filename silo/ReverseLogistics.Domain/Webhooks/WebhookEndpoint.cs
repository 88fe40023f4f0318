namespace ReverseLogistics.Domain.Webhooks;

/// <summary>A merchant's webhook endpoint as its owner sees it (never its secret).</summary>
public sealed record WebhookEndpoint(
    string Id,
    string Url,
    IReadOnlyList<string> EventTypes,
    string Description,
    bool Enabled,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? DisabledAt,
    string? DisabledReason,
    int ConsecutiveDeadLetters)
{
    /// <summary>Whether events of <paramref name="type"/> go to this endpoint (an empty filter takes every type).</summary>
    public bool Wants(string type) => EventTypes.Count == 0 || EventTypes.Contains(type);
}
