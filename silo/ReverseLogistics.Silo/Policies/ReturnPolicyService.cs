using Grpc.Core;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using ReturnPolicyServiceBase = ReverseLogistics.V1.ReturnPolicyService.ReturnPolicyServiceBase;

namespace ReverseLogistics.Silo.Policies;

/// <summary>reverselogistics.v1.ReturnPolicyService: a merchant reads and replaces its own return policy.</summary>
public sealed class ReturnPolicyService(ActorRuntime actors, IdempotentRequests idempotency) : ReturnPolicyServiceBase
{
    public override Task<ReturnPolicy> GetReturnPolicy(GetReturnPolicyRequest request, ServerCallContext context) =>
        PolicyOf(context).AskAsync(policy => Task.FromResult(policy.Get()), context.CancellationToken);

    public override Task<ReturnPolicy> UpdateReturnPolicy(UpdateReturnPolicyRequest request, ServerCallContext context)
    {
        new Validator().Require(request.Policy is not null, "policy", "required").ThrowIfInvalid();
        var policy = PolicyMapper.ToDomain(request.Policy!);
        return idempotency.RunAsync(context, request.RequestId, request, ReturnPolicy.Parser,
            (caller, ticket) => PolicyOf(context).AskAsync(actor => actor.ReplaceAsync(policy, caller, ticket), context.CancellationToken));
    }

    private ActorRef<ReturnPolicyActor> PolicyOf(ServerCallContext context) =>
        actors.Get<ReturnPolicyActor>(context.GetCaller().TenantId, ReturnPolicyActor.Id);
}
