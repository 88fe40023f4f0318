using ReverseLogistics.Grains.Network;
using Google.Protobuf;
using Grpc.Core;
using Orleans;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Network;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using Tenant = ReverseLogistics.V1.Tenant;
using TenantAdminServiceBase = ReverseLogistics.V1.TenantAdminService.TenantAdminServiceBase;

namespace ReverseLogistics.Silo.Tenants;

/// <summary>reverselogistics.v1.TenantAdminService: the operators' tenant and key management.</summary>
public sealed class TenantAdminService(IGrainFactory grains, IdempotentRequests idempotency, TenantDirectory directory, NetworkSnapshot network)
    : TenantAdminServiceBase
{
    public override async Task<Tenant> CreateTenant(CreateTenantRequest request, ServerCallContext context)
    {
        var rateLimit = TenantMapper.ToSettings(request.RateLimit);
        Domain.Tenants.Tenant.ValidateNew(request.TenantId, request.DisplayName, rateLimit);
        return ToProto(await MutateAsync(context, request.RequestId, request, request.TenantId,
            (tenant, caller, ticket) => tenant.CreateAsync(request.DisplayName, rateLimit, caller, ticket)));
    }

    public override async Task<Tenant> GetTenant(GetTenantRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var tenantId = caller.Role == ApiKeyRole.Merchant ? OwnTenant(caller, request.TenantId) : MerchantId(request.TenantId);
        return ToProto(await ExistingAsync(tenantId));
    }

    public override Task<ListTenantsResponse> ListTenants(ListTenantsRequest request, ServerCallContext context) =>
        directory.ListAsync(request.PageSize, request.PageToken, context.CancellationToken);

    public override async Task<Tenant> UpdateTenant(UpdateTenantRequest request, ServerCallContext context) =>
        ToProto(await MutateAsync(context, request.RequestId, request, MerchantId(request.TenantId),
            (tenant, caller, ticket) => tenant.UpdateAsync(request.HasDisplayName ? request.DisplayName : null,
                TenantMapper.ToSettings(request.RateLimit), caller, ticket)));

    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        new Validator()
            .Require(Enum.IsDefined((ApiKeyRole)(int)request.Role), "role", "one of ROLE_MERCHANT, ROLE_HANDHELD, ROLE_OPERATOR")
            .ThrowIfInvalid();
        var view = await network.CurrentAsync(context.CancellationToken);
        var key = new ApiKeyRequest((ApiKeyRole)(int)request.Role, request.FulfillmentCenterId, request.Description,
            view.HasCentre(request.FulfillmentCenterId));
        var issued = await MutateAsync(context, request.RequestId, request, KeyOwner(request.TenantId),
            (tenant, caller, ticket) => tenant.IssueKeyAsync(key, caller, ticket), sealResponse: true);
        return new CreateApiKeyResponse { ApiKey = TenantMapper.ToProto(issued.TenantId, issued.Key), Secret = issued.Secret };
    }

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var tenant = await ExistingAsync(KeyOwner(request.TenantId));
        var response = new ListApiKeysResponse();
        response.ApiKeys.AddRange(tenant.State.Keys.Select(k => TenantMapper.ToProto(tenant.TenantId, k)));
        return response;
    }

    public override async Task<ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        new Validator().Require(request.KeyId.Length > 0, "key_id", "required").ThrowIfInvalid();
        var tenantId = KeyOwner(request.TenantId);
        return TenantMapper.ToProto(tenantId, await MutateAsync(context, request.RequestId, request, tenantId,
            (tenant, caller, ticket) => tenant.RevokeKeyAsync(request.KeyId, caller, ticket)));
    }

    private async Task<TenantSnapshot> ExistingAsync(string tenantId) => (await grains.Tenant(tenantId).GetAsync()).RequireExisting();

    /// <summary>One idempotent call of the tenant grain <paramref name="tenantId"/>.</summary>
    private Task<TResult> MutateAsync<TRequest, TResult>(ServerCallContext context, string requestId, TRequest request,
        string tenantId, Func<ITenantGrain, Caller, IdempotencyTicket, Task<TResult>> call, bool sealResponse = false)
        where TRequest : IMessage<TRequest> =>
        idempotency.RunAsync<TRequest, TResult>(context, requestId, request, (caller, ticket) => call(grains.Tenant(tenantId), caller, ticket), sealResponse);

    private static Tenant ToProto(TenantSnapshot tenant) => TenantMapper.ToProto(tenant.TenantId, tenant.State);

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
