using Google.Protobuf;
using Grpc.Core;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Network;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using Tenant = ReverseLogistics.V1.Tenant;
using TenantAdminServiceBase = ReverseLogistics.V1.TenantAdminService.TenantAdminServiceBase;

namespace ReverseLogistics.Silo.Tenants;

/// <summary>reverselogistics.v1.TenantAdminService: the operators' tenant and key management.</summary>
public sealed class TenantAdminService(ActorRuntime actors, IdempotentRequests idempotency, TenantDirectory directory, NetworkSnapshot network)
    : TenantAdminServiceBase
{
    public override Task<Tenant> CreateTenant(CreateTenantRequest request, ServerCallContext context)
    {
        Domain.Tenants.Tenant.ValidateNew(request.TenantId, request.DisplayName, TenantMapper.ToSettings(request.RateLimit));
        return MutateAsync(context, request.RequestId, request, request.TenantId, Tenant.Parser,
            (tenant, caller, ticket) => tenant.CreateAsync(request, caller, ticket));
    }

    public override Task<Tenant> GetTenant(GetTenantRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var tenantId = caller.Role == ApiKeyRole.Merchant ? OwnTenant(caller, request.TenantId) : MerchantId(request.TenantId);
        return TenantOf(tenantId).AskAsync(t => Task.FromResult(t.Get()), context.CancellationToken);
    }

    public override Task<ListTenantsResponse> ListTenants(ListTenantsRequest request, ServerCallContext context) =>
        directory.ListAsync(request.PageSize, request.PageToken, context.CancellationToken);

    public override Task<Tenant> UpdateTenant(UpdateTenantRequest request, ServerCallContext context) =>
        MutateAsync(context, request.RequestId, request, MerchantId(request.TenantId), Tenant.Parser,
            (tenant, caller, ticket) => tenant.UpdateAsync(request, caller, ticket));

    public override async Task<CreateApiKeyResponse> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        new Validator()
            .Require(Enum.IsDefined((ApiKeyRole)(int)request.Role), "role", "one of ROLE_MERCHANT, ROLE_HANDHELD, ROLE_OPERATOR")
            .ThrowIfInvalid();
        var view = await network.CurrentAsync(context.CancellationToken);
        return await MutateAsync(context, request.RequestId, request, KeyOwner(request.TenantId), CreateApiKeyResponse.Parser,
            (tenant, caller, ticket) => tenant.IssueKeyAsync(request, view.HasCentre, caller, ticket), sealResponse: true);
    }

    public override Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context) =>
        TenantOf(KeyOwner(request.TenantId)).AskAsync(t => Task.FromResult(t.ListKeys()), context.CancellationToken);

    public override Task<ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        new Validator().Require(request.KeyId.Length > 0, "key_id", "required").ThrowIfInvalid();
        return MutateAsync(context, request.RequestId, request, KeyOwner(request.TenantId), ApiKey.Parser,
            (tenant, caller, ticket) => tenant.RevokeKeyAsync(request.KeyId, caller, ticket));
    }

    private ActorRef<TenantActor> TenantOf(string tenantId) => actors.Get<TenantActor>(tenantId, tenantId);

    /// <summary>One idempotent turn of the tenant actor <paramref name="tenantId"/>.</summary>
    private Task<TResponse> MutateAsync<TRequest, TResponse>(ServerCallContext context, string requestId, TRequest request,
        string tenantId, MessageParser<TResponse> parser, Func<TenantActor, Caller, IdempotencyTicket, Task<TResponse>> turn,
        bool sealResponse = false)
        where TRequest : IMessage<TRequest> where TResponse : class, IMessage<TResponse> =>
        idempotency.RunAsync(context, requestId, request, parser,
            (caller, ticket) => TenantOf(tenantId).AskAsync(tenant => turn(tenant, caller, ticket), context.CancellationToken), sealResponse);

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
