using ReverseLogistics.Client;
using ReverseLogistics.V1;

namespace ReverseLogistics.Samples;

/// <summary>
/// A tenant for one benchmark run, with a merchant key, created through the operator key (shared by the benchmark
/// tools, linked into each). Its rate limit is the most the platform allows, so a run measures the platform, not the
/// limiter.
/// </summary>
internal sealed record BenchTenant(string TenantId, string MerchantKey)
{
    /// <summary>A fresh tenant id: <paramref name="prefix"/> and twelve random hex digits.</summary>
    public static string NewId(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <param name="name">The tenant's display name, and its key's description.</param>
    public static async Task<BenchTenant> CreateAsync(string address, string operatorKey, string tenantId, string name, CancellationToken cancellationToken)
    {
        // Setup may retry UNAVAILABLE (the SDK default): the request ids the SDK gives these calls make retries safe.
        using var asOperator = new PlatformClient(new PlatformClientOptions { Address = address, ApiKey = operatorKey });
        await asOperator.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = tenantId,
            DisplayName = name,
            RateLimit = new RateLimit { RequestsPerSecond = 100_000, Burst = 1_000_000 },
        }, cancellationToken: cancellationToken);
        var key = await asOperator.Tenants.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            TenantId = tenantId, Role = Role.Merchant, Description = name,
        }, cancellationToken: cancellationToken);
        return new BenchTenant(tenantId, key.Secret);
    }
}
