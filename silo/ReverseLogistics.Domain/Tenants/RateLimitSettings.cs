namespace ReverseLogistics.Domain.Tenants;

/// <summary>Requests per second a tenant's keys may make together, and the burst above that.</summary>
public sealed record RateLimitSettings(int RequestsPerSecond, int Burst)
{
    public static readonly RateLimitSettings Default = new(100, 200);
}
