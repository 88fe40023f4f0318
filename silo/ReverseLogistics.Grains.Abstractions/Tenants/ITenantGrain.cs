using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;

namespace ReverseLogistics.Grains.Tenants;

/// <summary>
/// One tenant (key: tenant id / tenant id): its profile and API keys. The 3PL's own tenant
/// (<see cref="TenantIds.Platform"/>) holds the operator and handheld keys.
/// </summary>
public interface ITenantGrain : IGrainWithStringKey
{
    /// <summary>The tenant as stored, whether it exists or not (authentication builds its key ring from it).</summary>
    [ReadOnly]
    Task<TenantSnapshot> GetAsync();

    Task<TenantSnapshot> CreateAsync(string displayName, RateLimitSettings? rateLimit, Caller caller, IdempotencyTicket ticket);

    /// <summary>Null arguments leave the setting as it is.</summary>
    Task<TenantSnapshot> UpdateAsync(string? displayName, RateLimitSettings? rateLimit, Caller caller, IdempotencyTicket ticket);

    Task<IssuedApiKey> IssueKeyAsync(ApiKeyRequest request, Caller caller, IdempotencyTicket ticket);

    Task<ApiKeyState> RevokeKeyAsync(string keyId, Caller caller, IdempotencyTicket ticket);

    /// <summary>Creates the 3PL's tenant on first start; false when it already existed.</summary>
    Task<bool> EnsurePlatformAsync();

    /// <summary>Issues an operator key when the tenant has no active one; null when it has.</summary>
    Task<IssuedApiKey?> EnsureOperatorKeyAsync(string description, Caller caller);
}
