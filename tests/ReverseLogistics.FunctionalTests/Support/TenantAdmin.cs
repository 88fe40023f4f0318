using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.V1;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>Keys for calling the platform, and fresh merchants to call it as.</summary>
public static class TenantAdmin
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = TenantAdminReflection.Descriptor.Services[0];

    /// <summary>Call options that authenticate with <paramref name="key"/>.</summary>
    public static CallOptions As(string key) => new(headers: new Metadata { { "authorization", $"Bearer {key}" } });

    public static string NewRequestId() => Guid.NewGuid().ToString("N");

    /// <summary>A fresh tenant with a unique id and a merchant key for it.</summary>
    public static async Task<(string TenantId, string MerchantKey)> NewMerchantAsync(PlatformClient client, string operatorKey, RateLimit? rateLimit = null)
    {
        var tenantId = "t-" + Guid.NewGuid().ToString("N")[..12];
        await client.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "Merchant " + tenantId, RateLimit = rateLimit,
        }, As(operatorKey));
        var key = await client.Tenants.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            RequestId = NewRequestId(), TenantId = tenantId, Role = Role.Merchant, Description = "test",
        }, As(operatorKey));
        return (tenantId, key.Secret);
    }
}
