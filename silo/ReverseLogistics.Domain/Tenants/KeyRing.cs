using System.Collections.Frozen;

namespace ReverseLogistics.Domain.Tenants;

/// <summary>
/// An immutable snapshot of a tenant's keys, rate limit and name: what authentication needs on
/// every call (and returns stamp with the merchant's name), readable from any thread while the
/// tenant actor goes on changing its state.
/// </summary>
public sealed class KeyRing
{
    private readonly FrozenDictionary<string, Entry> _keys;

    private KeyRing(string tenantId, string displayName, long version, bool exists, RateLimitSettings rateLimit, FrozenDictionary<string, Entry> keys)
    {
        TenantId = tenantId;
        DisplayName = displayName;
        Version = version;
        Exists = exists;
        RateLimit = rateLimit;
        _keys = keys;
    }

    public string TenantId { get; }
    public string DisplayName { get; }
    /// <summary>The tenant actor's version this snapshot was taken at; a newer snapshot replaces an older one.</summary>
    public long Version { get; }
    public bool Exists { get; }
    public RateLimitSettings RateLimit { get; }

    public static KeyRing Of(Tenant tenant, long version) => new(
        tenant.TenantId,
        tenant.State.DisplayName,
        version,
        tenant.Exists,
        tenant.RateLimit,
        tenant.State.Keys.ToFrozenDictionary(k => k.KeyId, k => new Entry(k.SecretHash, k.Role, k.FulfillmentCenterId, k.RevokedAt is not null)));

    /// <summary>The caller a credential stands for, or null when it is unknown, wrong or revoked.</summary>
    public Caller? Authenticate(ApiKeyCredential credential)
    {
        if (!Exists || credential.TenantId != TenantId) return null;
        if (!_keys.TryGetValue(credential.KeyId, out var key) || key.Revoked || !credential.Matches(key.SecretHash)) return null;
        return new Caller(TenantId, key.Role, credential.KeyId, key.FulfillmentCenterId);
    }

    public bool HasActiveKey(ApiKeyRole role) => _keys.Values.Any(k => k.Role == role && !k.Revoked);

    private sealed record Entry(string SecretHash, ApiKeyRole Role, string? FulfillmentCenterId, bool Revoked);
}
