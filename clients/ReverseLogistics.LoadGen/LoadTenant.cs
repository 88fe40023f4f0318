using ReverseLogistics.Client;
using ReverseLogistics.V1;

namespace ReverseLogistics.LoadGen;

/// <summary>
/// A fresh tenant for one run, with a merchant key, created through the operator key (as clients/ReverseLogistics.Bench's
/// seed-h2load does). Its rate limit is the most the platform allows, so the run measures the platform, not the limiter.
/// </summary>
internal sealed record LoadTenant(string TenantId, string MerchantKey)
{
    public static async Task<LoadTenant> CreateAsync(string address, string operatorKey, string purpose, CancellationToken cancellationToken)
    {
        // Setup may retry UNAVAILABLE (the SDK default): the request ids the SDK gives these calls make retries safe.
        using var asOperator = new PlatformClient(new PlatformClientOptions { Address = address, ApiKey = operatorKey });
        var tenantId = "lg-" + Guid.NewGuid().ToString("N")[..12];
        await asOperator.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = tenantId,
            DisplayName = $"rl-loadgen {purpose}",
            RateLimit = new RateLimit { RequestsPerSecond = 100_000, Burst = 1_000_000 },
        }, cancellationToken: cancellationToken);
        var key = await asOperator.Tenants.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            TenantId = tenantId, Role = Role.Merchant, Description = $"rl-loadgen {purpose}",
        }, cancellationToken: cancellationToken);
        return new LoadTenant(tenantId, key.Secret);
    }
}
