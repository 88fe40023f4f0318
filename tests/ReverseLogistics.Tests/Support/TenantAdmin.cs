using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Client;
using ReverseLogistics.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ReverseLogistics.Tests.Support;

/// <summary>Client-side methods of TenantAdminService, and keys for calling them.</summary>
public static class TenantAdmin
{
    private static readonly ServiceDescriptor Service = TenantAdminReflection.Descriptor.Services[0];

    public static readonly Method<CreateTenantRequest, Tenant> CreateTenant = Method<CreateTenantRequest, Tenant>.From(Service, "CreateTenant");
    public static readonly Method<GetTenantRequest, Tenant> GetTenant = Method<GetTenantRequest, Tenant>.From(Service, "GetTenant");
    public static readonly Method<ListTenantsRequest, ListTenantsResponse> ListTenants = Method<ListTenantsRequest, ListTenantsResponse>.From(Service, "ListTenants");
    public static readonly Method<UpdateTenantRequest, Tenant> UpdateTenant = Method<UpdateTenantRequest, Tenant>.From(Service, "UpdateTenant");
    public static readonly Method<CreateApiKeyRequest, CreateApiKeyResponse> CreateApiKey = Method<CreateApiKeyRequest, CreateApiKeyResponse>.From(Service, "CreateApiKey");
    public static readonly Method<ListApiKeysRequest, ListApiKeysResponse> ListApiKeys = Method<ListApiKeysRequest, ListApiKeysResponse>.From(Service, "ListApiKeys");
    public static readonly Method<RevokeApiKeyRequest, ApiKey> RevokeApiKey = Method<RevokeApiKeyRequest, ApiKey>.From(Service, "RevokeApiKey");

    public static CallOptions As(string key) => new() { Headers = new Metadata().Add("authorization", $"Bearer {key}") };

    public static string NewRequestId() => Guid.NewGuid().ToString("N");

    /// <summary>A fresh tenant with a unique id and a merchant key for it.</summary>
    public static async Task<(string TenantId, string MerchantKey)> NewMerchantAsync(GrpcChannel channel, string operatorKey, RateLimit? rateLimit = null)
    {
        var tenantId = "t-" + Guid.NewGuid().ToString("N")[..12];
        await channel.Unary(CreateTenant, new CreateTenantRequest
        {
            RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "Merchant " + tenantId, RateLimit = rateLimit,
        }, As(operatorKey));
        var key = await channel.Unary(CreateApiKey, new CreateApiKeyRequest
        {
            RequestId = NewRequestId(), TenantId = tenantId, Role = Role.Merchant, Description = "test",
        }, As(operatorKey));
        return (tenantId, key.Secret);
    }
}
