using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Domain.Tenants;

/// <summary>The rules of a tenant and its keys, applied to its state. No I/O: the tenant actor persists the result.</summary>
public sealed class Tenant(string tenantId, TenantState state, bool exists)
{
    public const int MaxDisplayName = 200;
    public const int MaxDescription = 500;

    public string TenantId { get; } = tenantId;
    public TenantState State { get; } = state;
    public bool Exists { get; private set; } = exists;
    public RateLimitSettings RateLimit => State.RateLimit ?? RateLimitSettings.Default;

    /// <summary>Checks a new tenant's fields, all at once; callers may check before locating the tenant.</summary>
    public static void ValidateNew(string tenantId, string displayName, RateLimitSettings? rateLimit) =>
        new Validator()
            .Require(TenantIds.IsValidMerchantId(tenantId), "tenant_id", TenantIds.Rule)
            .Require(displayName.Trim().Length > 0, "display_name", "required")
            .Require(displayName.Length <= MaxDisplayName, "display_name", $"at most {MaxDisplayName} characters")
            .ValidateRateLimit(rateLimit)
            .ThrowIfInvalid();

    public void Create(string displayName, RateLimitSettings? rateLimit, DateTime now)
    {
        ValidateNew(TenantId, displayName, rateLimit);
        if (Exists) throw new AlreadyExistsException($"Tenant '{TenantId}' already exists.");

        State.DisplayName = displayName.Trim();
        State.RateLimit = rateLimit;
        State.CreatedAt = State.UpdatedAt = now;
        Exists = true;
    }

    /// <summary>The 3PL's own tenant exists from the first start, holding operator and handheld keys.</summary>
    public void CreatePlatform(DateTime now)
    {
        if (TenantId != TenantIds.Platform) throw new InvalidOperationException("Only the platform tenant is created this way.");
        State.DisplayName = "3PL operator";
        State.CreatedAt = State.UpdatedAt = now;
        Exists = true;
    }

    public void Update(string? displayName, RateLimitSettings? rateLimit, DateTime now)
    {
        new Validator()
            .Require(displayName is null || displayName.Trim().Length > 0, "display_name", "must not be blank when set")
            .Require(displayName is null || displayName.Length <= MaxDisplayName, "display_name", $"at most {MaxDisplayName} characters")
            .ValidateRateLimit(rateLimit)
            .ThrowIfInvalid();
        EnsureExists();

        if (displayName is not null) State.DisplayName = displayName.Trim();
        if (rateLimit is not null) State.RateLimit = rateLimit;
        State.UpdatedAt = now;
    }

    /// <summary>
    /// Adds a key and returns its full credential, the only time the secret exists outside the caller.
    /// A handheld key belongs to a centre <paramref name="centreExists"/> knows.
    /// </summary>
    public (ApiKeyState Key, ApiKeyCredential Credential) IssueKey(ApiKeyRole role, string? fulfillmentCenterId, string description, DateTime now,
        Func<string, bool> centreExists)
    {
        var onPlatform = TenantId == TenantIds.Platform;
        new Validator()
            .Require(role != ApiKeyRole.Merchant || !onPlatform, "tenant_id", "required for merchant keys")
            .Require(role == ApiKeyRole.Merchant || onPlatform, "tenant_id", "must be empty for operator and handheld keys")
            .Require(role != ApiKeyRole.Handheld || !string.IsNullOrWhiteSpace(fulfillmentCenterId), "fulfillment_center_id", "required for handheld keys")
            .Require(role == ApiKeyRole.Handheld || string.IsNullOrEmpty(fulfillmentCenterId), "fulfillment_center_id", "only handheld keys belong to a fulfilment centre")
            .Require(role != ApiKeyRole.Handheld || string.IsNullOrWhiteSpace(fulfillmentCenterId) || centreExists(fulfillmentCenterId),
                "fulfillment_center_id", $"no fulfilment centre '{fulfillmentCenterId}' in the network")
            .Require(description.Length <= MaxDescription, "description", $"at most {MaxDescription} characters")
            .ThrowIfInvalid();
        EnsureExists();

        var credential = ApiKeyCredential.Generate(TenantId);
        var key = new ApiKeyState
        {
            KeyId = credential.KeyId,
            Role = role,
            FulfillmentCenterId = string.IsNullOrEmpty(fulfillmentCenterId) ? null : fulfillmentCenterId,
            Description = description,
            SecretHash = credential.SecretHash,
            CreatedAt = now,
        };
        State.Keys.Add(key);
        return (key, credential);
    }

    /// <summary>Revokes a key; revoking a revoked key changes nothing.</summary>
    public ApiKeyState RevokeKey(string keyId, DateTime now)
    {
        EnsureExists();
        var key = State.Keys.FirstOrDefault(k => k.KeyId == keyId)
            ?? throw new NotFoundException($"API key '{keyId}' not found.");
        key.RevokedAt ??= now;
        return key;
    }

    private void EnsureExists()
    {
        if (!Exists) throw new NotFoundException($"Tenant '{TenantId}' not found.");
    }
}
