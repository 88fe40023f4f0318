using Google.Protobuf;
using Grpc.Core;
using Orleans;
using Orleans.Concurrency;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Grains.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Policies;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.V1;
using Return = ReverseLogistics.V1.Return;
using ReturnsServiceBase = ReverseLogistics.V1.ReturnsService.ReturnsServiceBase;

namespace ReverseLogistics.Silo.Returns;

/// <summary>reverselogistics.v1.ReturnsService: merchants create returns under their policy and follow them to the refund.</summary>
public sealed class ReturnsService(
    IGrainFactory grains,
    IdempotentRequests idempotency,
    CustomerHistories histories,
    ReturnDirectory directory,
    KeyRingCache tenants,
    PlatformClock time) : ReturnsServiceBase
{
    public override async Task<V1.EligibilityResult> CheckEligibility(CheckEligibilityRequest request, ServerCallContext context)
    {
        var tenantId = context.GetCaller().TenantId;
        var draft = ReturnMapper.ToDomain(request.CustomerReference, request.CustomerAddress, request.Lines, request.RequestedResolution, request.ReturnMethod);
        var (_, result) = await EvaluateAsync(tenantId, draft, request.CustomerFlagged, context.CancellationToken);
        return ReturnMapper.ToProto(result);
    }

    public override async Task<Return> CreateReturn(CreateReturnRequest request, ServerCallContext context)
    {
        var tenantId = context.GetCaller().TenantId;
        var returnRequest = ReturnMapper.ToDomain(request.CustomerReference, request.CustomerAddress, request.Lines, request.RequestedResolution, request.ReturnMethod);
        var (policy, eligibility) = await EvaluateAsync(tenantId, returnRequest, request.CustomerFlagged, context.CancellationToken);
        var tenant = await tenants.GetAsync(tenantId, context.CancellationToken);
        var draft = new ReturnDraft(returnRequest, request.CustomerAddress?.Name ?? "", request.CustomerFlagged, policy, eligibility,
            tenant.DisplayName);
        var returnId = ReturnIds.New(time.GetUtcNow());
        // Every attempt gets a new return id, so a repeat cannot touch the first attempt's return: the return grain
        // stops it before it would book a centre, or its commit finds the request id taken; either way the first
        // result is answered.
        return ToProto(await idempotency.RunAsync(context, request.RequestId, request,
            (caller, ticket) => grains.Return(tenantId, returnId).CreateAsync(draft.AsImmutable(), caller, ticket), check: RepeatCheck.AtCommit));
    }

    public override async Task<Return> GetReturn(GetReturnRequest request, ServerCallContext context) =>
        ToProto(await Existing(context, request.ReturnId).GetAsync().WaitAsync(context.CancellationToken));

    public override Task<ListReturnsResponse> ListReturns(ListReturnsRequest request, ServerCallContext context) =>
        directory.ListAsync(context.GetCaller().TenantId, request, context.CancellationToken);

    public override Task<Return> ApproveReturn(ApproveReturnRequest request, ServerCallContext context) =>
        MutateAsync(context, request.RequestId, request, request.ReturnId, (r, caller, ticket) => r.ApproveAsync(request.Note, caller, ticket));

    public override Task<Return> RejectReturn(RejectReturnRequest request, ServerCallContext context)
    {
        new Validator().Require(request.Reason.Trim().Length > 0, "reason", "required: it is shown to the customer").ThrowIfInvalid();
        return MutateAsync(context, request.RequestId, request, request.ReturnId, (r, caller, ticket) => r.RejectAsync(request.Reason, caller, ticket));
    }

    public override Task<Return> CancelReturn(CancelReturnRequest request, ServerCallContext context) =>
        MutateAsync(context, request.RequestId, request, request.ReturnId, (r, caller, ticket) => r.CancelAsync(request.Reason, caller, ticket));

    public override async Task<ReturnLabel> GetReturnLabel(GetReturnLabelRequest request, ServerCallContext context)
    {
        var snapshot = await Existing(context, request.ReturnId).GetAsync().WaitAsync(context.CancellationToken);
        return ReturnLabels.ToProto(snapshot.ReturnId, snapshot.State, request.Format);
    }

    public override async Task<ListReturnEventsResponse> ListReturnEvents(ListReturnEventsRequest request, ServerCallContext context)
    {
        var snapshot = await Existing(context, request.ReturnId).GetAsync().WaitAsync(context.CancellationToken);
        var response = new ListReturnEventsResponse();
        response.Events.AddRange(snapshot.State.Rma.Timeline.Select((entry, i) => ReturnMapper.ToProto(i + 1, entry, entry.From)));
        return response;
    }

    public override Task<Return> ConfirmRefund(ConfirmRefundRequest request, ServerCallContext context)
    {
        new Validator().Require(request.PaymentReference.Trim().Length > 0, "payment_reference", "required").ThrowIfInvalid();
        return MutateAsync(context, request.RequestId, request, request.ReturnId,
            (r, caller, ticket) => r.ConfirmRefundAsync(request.PaymentReference, caller, ticket));
    }

    public override Task<Return> ResolveException(ResolveExceptionRequest request, ServerCallContext context)
    {
        var resolution = (Domain.Returns.ExceptionResolution)(int)request.Resolution;
        var amount = request.Amount is { } chosen ? PolicyMapper.ToDomain(chosen) : (Domain.Pricing.Money?)null;
        return MutateAsync(context, request.RequestId, request, request.ReturnId,
            (r, caller, ticket) => r.ResolveExceptionAsync(resolution, amount, request.Note, caller, ticket));
    }

    /// <summary>The merchant's policy, and the verdict it gives on this request for this customer now.</summary>
    private async Task<(Domain.Policies.ReturnPolicy Policy, Domain.Returns.EligibilityResult Result)> EvaluateAsync(
        string tenantId, ReturnRequest request, bool customerFlagged, CancellationToken cancellationToken)
    {
        ReturnRequestValidator.Validate(request);
        var policy = (await grains.ReturnPolicy(tenantId).GetAsync().WaitAsync(cancellationToken)).Policy;
        var now = time.GetUtcNow().UtcDateTime;
        var history = await histories.ForAsync(tenantId, request.CustomerReference, customerFlagged, policy, now, cancellationToken);
        return (policy, ReturnEligibility.Check(policy, request, now, history));
    }

    private async Task<Return> MutateAsync<TRequest>(ServerCallContext context, string requestId, TRequest request, string returnId,
        Func<IReturnGrain, Caller, IdempotencyTicket, Task<ReturnSnapshot>> call) where TRequest : IMessage<TRequest>
    {
        var target = Existing(context, returnId);
        return ToProto(await idempotency.RunAsync(context, requestId, request, (caller, ticket) => call(target, caller, ticket)));
    }

    private IReturnGrain Existing(ServerCallContext context, string returnId) =>
        RequestedReturn.Of(grains, context.GetCaller().TenantId, returnId);

    private static Return ToProto(ReturnSnapshot snapshot) => ReturnMapper.ToProto(snapshot.ReturnId, snapshot.State);
}
