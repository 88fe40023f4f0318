using Grpc.Core;
using Orleans;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Policies;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using ReturnPolicyServiceBase = ReverseLogistics.V1.ReturnPolicyService.ReturnPolicyServiceBase;

namespace ReverseLogistics.Silo.Policies;

/// <summary>reverselogistics.v1.ReturnPolicyService: a merchant reads and replaces its own return policy.</summary>
public sealed class ReturnPolicyService(IGrainFactory grains, IdempotentRequests idempotency) : ReturnPolicyServiceBase
{
    public override async Task<ReturnPolicy> GetReturnPolicy(GetReturnPolicyRequest request, ServerCallContext context) =>
        ToProto(await PolicyOf(context).GetAsync());

    public override async Task<ReturnPolicy> UpdateReturnPolicy(UpdateReturnPolicyRequest request, ServerCallContext context)
    {
        new Validator().Require(request.Policy is not null, "policy", "required").ThrowIfInvalid();
        var policy = PolicyMapper.ToDomain(request.Policy!);
        return ToProto(await idempotency.RunAsync<UpdateReturnPolicyRequest, PolicySnapshot>(context, request.RequestId, request,
            (caller, ticket) => PolicyOf(context).ReplaceAsync(policy, caller, ticket)));
    }

    private IReturnPolicyGrain PolicyOf(ServerCallContext context) => grains.ReturnPolicy(context.GetCaller().TenantId);

    private static ReturnPolicy ToProto(PolicySnapshot snapshot) => PolicyMapper.ToProto(snapshot.Policy, snapshot.Revision, snapshot.UpdatedAt);
}
