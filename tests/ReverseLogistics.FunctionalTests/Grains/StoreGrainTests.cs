using System.Text.Json;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Tenants;
using ReverseLogistics.Storage;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Grains;

/// <summary>
/// The grain base over the store of record, through a real silo: a commit that loses the version check answers
/// ABORTED and changes nothing, and the grain then works from the stored state; a call that fails after
/// changing the grain's state leaves no trace of that change.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class StoreGrainTests(SiloFixture silo)
{
    private static readonly CallOptions Operator = As(SiloFixture.OperatorKey);

    private IActorStore Store => silo.Services.GetRequiredService<IActorStore>();

    [Fact]
    public async Task A_commit_that_loses_the_version_check_answers_aborted_and_the_retry_works_from_the_stored_state()
    {
        var tenantId = "sg-" + Guid.NewGuid().ToString("N")[..10];
        await silo.Client.Tenants.CreateTenantAsync(new CreateTenantRequest { RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "Before" }, Operator);

        // Another writer (an activation elsewhere while membership settles) commits behind the grain's back.
        var key = new ActorKey(tenantId, TenantGrain.TypeName, tenantId);
        var stored = (await Store.ReadAsync(key, CancellationToken.None))!;
        var state = JsonSerializer.Deserialize<TenantState>(stored.State, DomainJson.Options)!;
        state.DisplayName = "Written elsewhere";
        var elsewhere = await Store.CommitAsync(
            new ActorCommit(key, stored.Version, stored.EventSequence, JsonSerializer.Serialize(state, DomainJson.Options), []), CancellationToken.None);
        Assert.Equal(CommitOutcome.Committed, elsewhere.Outcome);

        var update = new UpdateTenantRequest { RequestId = NewRequestId(), TenantId = tenantId, RateLimit = new RateLimit { RequestsPerSecond = 7, Burst = 7 } };
        var conflict = await Assert.ThrowsAsync<RpcException>(() => silo.Client.Tenants.UpdateTenantAsync(update, Operator).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, conflict.StatusCode);
        Assert.Equal(elsewhere.Version, (await Store.ReadAsync(key, CancellationToken.None))!.Version);

        var retried = await silo.Client.Tenants.UpdateTenantAsync(update, Operator);
        Assert.Equal("Written elsewhere", retried.DisplayName);
        Assert.Equal(7, retried.RateLimit.RequestsPerSecond);
    }

    [Fact]
    public async Task A_call_that_fails_after_changing_the_state_leaves_no_trace_of_the_change()
    {
        var (tenantId, merchantKey) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var created = await silo.Client.Returns.CreateReturnAsync(Support.Returns.NewReturn(), As(merchantKey));

        // ConfirmRefund records the payment reference, then the lifecycle refuses: a return awaiting pickup is not refunded.
        var refused = await Assert.ThrowsAsync<RpcException>(() => silo.Client.Returns.ConfirmRefundAsync(
            new ConfirmRefundRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, PaymentReference = "pay-too-early" }, As(merchantKey)).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);

        var events = await silo.Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, As(merchantKey));
        var again = await silo.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, As(merchantKey));
        Assert.Equal(created, again); // the grain serves the stored state, not the payment reference it set before failing
        Assert.DoesNotContain(events.Events, e => e.Details.Contains("pay-too-early", StringComparison.Ordinal));
        var stored = await Store.ReadAsync(new ActorKey(tenantId, "return", created.ReturnId), CancellationToken.None);
        Assert.DoesNotContain("pay-too-early", stored!.State, StringComparison.Ordinal);
    }
}
