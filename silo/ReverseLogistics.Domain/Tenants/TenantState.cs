namespace ReverseLogistics.Domain.Tenants;

/// <summary>The persisted state of a tenant actor: the merchant's profile and its keys.</summary>
public sealed class TenantState
{
    public string DisplayName { get; set; } = "";
    public RateLimitSettings? RateLimit { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<ApiKeyState> Keys { get; set; } = [];
}
