using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Grpc.Server;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace ReverseLogistics.Silo.Policies;

/// <summary>reverselogistics.v1.ReturnPolicyService: a merchant reads and replaces its own return policy.</summary>
public sealed class ReturnPolicyService(ActorRuntime actors, IdempotentRequests idempotency) : IGrpcService
{
    public static ServiceDescriptor Descriptor => ReturnPolicyReflection.Descriptor.Services[0];

    public void Bind(ServiceBinder binder) => binder
        .Unary<GetReturnPolicyRequest, ReturnPolicy>("GetReturnPolicy", GetAsync)
        .Unary<UpdateReturnPolicyRequest, ReturnPolicy>("UpdateReturnPolicy", UpdateAsync);

    private Task<ReturnPolicy> GetAsync(GetReturnPolicyRequest request, ServerCallContext context) =>
        PolicyOf(context).AskAsync(policy => Task.FromResult(policy.Get()), context.CancellationToken);

    private Task<ReturnPolicy> UpdateAsync(UpdateReturnPolicyRequest request, ServerCallContext context)
    {
        new Validator().Require(request.Policy is not null, "policy", "required").ThrowIfInvalid();
        var policy = PolicyMapper.ToDomain(request.Policy!);
        return idempotency.RunAsync(context, request.RequestId, request, ReturnPolicy.Parser,
            (caller, ticket) => PolicyOf(context).AskAsync(actor => actor.ReplaceAsync(policy, caller, ticket), context.CancellationToken));
    }

    private ActorRef<ReturnPolicyActor> PolicyOf(ServerCallContext context) =>
        actors.Get<ReturnPolicyActor>(context.GetCaller().TenantId, ReturnPolicyActor.Id);
}
