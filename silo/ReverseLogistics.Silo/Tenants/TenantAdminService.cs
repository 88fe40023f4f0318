using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grpc.Server;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Tenant = ReverseLogistics.V1.Tenant;

namespace ReverseLogistics.Silo.Tenants;

/// <summary>reverselogistics.v1.TenantAdminService: the operators' tenant and key management.</summary>
public sealed class TenantAdminService(ActorRuntime actors, IdempotentRequests idempotency, TenantDirectory directory) : IGrpcService
{
    public static ServiceDescriptor Descriptor => TenantAdminReflection.Descriptor.Services[0];

    public void Bind(ServiceBinder binder) => binder
        .Unary<CreateTenantRequest, Tenant>("CreateTenant", CreateTenantAsync)
        .Unary<GetTenantRequest, Tenant>("GetTenant", GetTenantAsync)
        .Unary<ListTenantsRequest, ListTenantsResponse>("ListTenants", ListTenantsAsync)
        .Unary<UpdateTenantRequest, Tenant>("UpdateTenant", UpdateTenantAsync)
        .Unary<CreateApiKeyRequest, CreateApiKeyResponse>("CreateApiKey", CreateApiKeyAsync)
        .Unary<ListApiKeysRequest, ListApiKeysResponse>("ListApiKeys", ListApiKeysAsync)
        .Unary<RevokeApiKeyRequest, ApiKey>("RevokeApiKey", RevokeApiKeyAsync);

    private Task<Tenant> CreateTenantAsync(CreateTenantRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ticket = idempotency.Ticket(context, caller, request.RequestId, request);
        return idempotency.RunAsync(ticket, Tenant.Parser,
            () => TenantOf(request.TenantId).AskAsync(t => t.CreateAsync(request, caller, ticket), context.CancellationToken),
            context.CancellationToken);
    }

    private Task<Tenant> GetTenantAsync(GetTenantRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var tenantId = caller.Role == ApiKeyRole.Merchant ? OwnTenant(caller, request.TenantId) : MerchantId(request.TenantId);
        return TenantOf(tenantId).AskAsync(t => Task.FromResult(t.Get()), context.CancellationToken);
    }

    private Task<ListTenantsResponse> ListTenantsAsync(ListTenantsRequest request, ServerCallContext context) =>
        directory.ListAsync(request.PageSize, request.PageToken, context.CancellationToken);

    private Task<Tenant> UpdateTenantAsync(UpdateTenantRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var ticket = idempotency.Ticket(context, caller, request.RequestId, request);
        return idempotency.RunAsync(ticket, Tenant.Parser,
            () => TenantOf(MerchantId(request.TenantId)).AskAsync(t => t.UpdateAsync(request, caller, ticket), context.CancellationToken),
            context.CancellationToken);
    }

    private Task<CreateApiKeyResponse> CreateApiKeyAsync(CreateApiKeyRequest request, ServerCallContext context)
    {
        new Validator()
            .Require(Enum.IsDefined((ApiKeyRole)(int)request.Role), "role", "one of ROLE_MERCHANT, ROLE_HANDHELD, ROLE_OPERATOR")
            .ThrowIfInvalid();
        var caller = context.GetCaller();
        var ticket = idempotency.Ticket(context, caller, request.RequestId, request);
        return idempotency.RunAsync(ticket, CreateApiKeyResponse.Parser,
            () => TenantOf(KeyOwner(request.TenantId)).AskAsync(t => t.IssueKeyAsync(request, caller, ticket), context.CancellationToken),
            context.CancellationToken);
    }

    private Task<ListApiKeysResponse> ListApiKeysAsync(ListApiKeysRequest request, ServerCallContext context) =>
        TenantOf(KeyOwner(request.TenantId)).AskAsync(t => Task.FromResult(t.ListKeys()), context.CancellationToken);

    private Task<ApiKey> RevokeApiKeyAsync(RevokeApiKeyRequest request, ServerCallContext context)
    {
        new Validator().Require(request.KeyId.Length > 0, "key_id", "required").ThrowIfInvalid();
        var caller = context.GetCaller();
        var ticket = idempotency.Ticket(context, caller, request.RequestId, request);
        return idempotency.RunAsync(ticket, ApiKey.Parser,
            () => TenantOf(KeyOwner(request.TenantId)).AskAsync(t => t.RevokeKeyAsync(request.KeyId, caller, ticket), context.CancellationToken),
            context.CancellationToken);
    }

    private ActorRef<TenantActor> TenantOf(string tenantId) => actors.Get<TenantActor>(tenantId, tenantId);

    /// <summary>A merchant's tenant id from a request; the 3PL's own tenant is not one.</summary>
    private static string MerchantId(string tenantId)
    {
        new Validator().Require(TenantIds.IsValidMerchantId(tenantId), "tenant_id", TenantIds.Rule).ThrowIfInvalid();
        return tenantId;
    }

    /// <summary>A merchant's own tenant; naming any other answers exactly as a missing tenant would.</summary>
    private static string OwnTenant(Caller caller, string requested) =>
        requested.Length == 0 || requested == caller.TenantId
            ? caller.TenantId
            : throw new NotFoundException($"Tenant '{requested}' not found.");

    private static string KeyOwner(string tenantId) => tenantId.Length == 0 ? TenantIds.Platform : MerchantId(tenantId);
}
