namespace ReverseLogistics.Domain.Tenants;

/// <summary>
/// Who is calling, as established from their API key. <see cref="TenantId"/> scopes every
/// object they can see; it never comes from a request field.
/// </summary>
public sealed record Caller(string TenantId, ApiKeyRole Role, string KeyId, string? FulfillmentCenterId = null)
{
    /// <summary>How the caller appears in timelines: "key:&lt;id&gt;".</summary>
    public string AuditName => $"key:{KeyId}";
}
