namespace ReverseLogistics.Domain.Tenants;

/// <summary>One issued key as stored in its tenant's state (the secret only as a hash).</summary>
public sealed class ApiKeyState
{
    public string KeyId { get; set; } = "";
    public ApiKeyRole Role { get; set; }
    public string? FulfillmentCenterId { get; set; }
    public string Description { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
