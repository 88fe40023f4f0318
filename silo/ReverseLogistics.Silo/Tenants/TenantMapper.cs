using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.V1;
using Tenant = ReverseLogistics.V1.Tenant;

namespace ReverseLogistics.Silo.Tenants;

/// <summary>Maps tenant state to and from the wire.</summary>
public static class TenantMapper
{
    public static Tenant ToProto(string tenantId, TenantState state) => new()
    {
        TenantId = tenantId,
        DisplayName = state.DisplayName,
        Status = TenantStatus.Active,
        RateLimit = ToProto(state.RateLimit ?? RateLimitSettings.Default),
        CreateTime = Timestamp.FromDateTime(state.CreatedAt),
        UpdateTime = Timestamp.FromDateTime(state.UpdatedAt),
    };

    public static ApiKey ToProto(string tenantId, ApiKeyState key) => new()
    {
        KeyId = key.KeyId,
        TenantId = tenantId == TenantIds.Platform ? "" : tenantId,
        Role = (Role)(int)key.Role,
        FulfillmentCenterId = key.FulfillmentCenterId ?? "",
        Description = key.Description,
        CreateTime = Timestamp.FromDateTime(key.CreatedAt),
        RevokeTime = key.RevokedAt is { } revoked ? Timestamp.FromDateTime(revoked) : null,
    };

    public static RateLimit ToProto(RateLimitSettings settings) =>
        new() { RequestsPerSecond = settings.RequestsPerSecond, Burst = settings.Burst };

    /// <summary>Null when the request leaves the rate limit unset.</summary>
    public static RateLimitSettings? ToSettings(RateLimit? rateLimit) =>
        rateLimit is null ? null : new RateLimitSettings(rateLimit.RequestsPerSecond, rateLimit.Burst);

}
