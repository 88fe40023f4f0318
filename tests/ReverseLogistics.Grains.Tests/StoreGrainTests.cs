using System.Text.Json;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Errors;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Grains.Tenants;
using ReverseLogistics.Grains.Tests.Network;
using ReverseLogistics.Grains.Tests.Returns;
using ReverseLogistics.Storage;
using static ReverseLogistics.Grains.Tests.Calls;

namespace ReverseLogistics.Grains.Tests;

/// <summary>
/// The grain base over the store of record: a commit that loses the version check fails with
/// <see cref="ConcurrentChangeException"/> (ABORTED at the API) and changes nothing, and the grain then works from
/// the stored state; a call that fails after changing the grain's state leaves no trace of that change.
/// </summary>
[Collection(GrainClusterCollection.Name)]
public sealed class StoreGrainTests(GrainCluster cluster)
{
    [Fact]
    public async Task A_commit_that_loses_the_version_check_fails_as_a_concurrent_change_and_the_retry_works_from_the_stored_state()
    {
        var tenantId = NewTenantId();
        var tenant = cluster.Grains.Tenant(tenantId);
        await tenant.CreateAsync("Before", null, Operator, Ticket(tenantId));

        // Another writer (an activation elsewhere while membership settles) commits behind the grain's back.
        var key = new ActorKey(tenantId, TenantGrain.TypeName, tenantId);
        var stored = (await cluster.Store.ReadAsync(key, CancellationToken.None))!;
        var state = JsonSerializer.Deserialize<TenantState>(stored.State, DomainJson.Options)!;
        state.DisplayName = "Written elsewhere";
        var elsewhere = await cluster.Store.CommitAsync(
            new ActorCommit(key, stored.Version, stored.EventSequence, JsonSerializer.Serialize(state, DomainJson.Options), []), CancellationToken.None);
        Assert.Equal(CommitOutcome.Committed, elsewhere.Outcome);

        var update = Ticket(tenantId);
        await Assert.ThrowsAsync<ConcurrentChangeException>(() => tenant.UpdateAsync(null, new RateLimitSettings(7, 7), Operator, update));
        Assert.Equal(elsewhere.Version, (await cluster.Store.ReadAsync(key, CancellationToken.None))!.Version);

        var retried = await tenant.UpdateAsync(null, new RateLimitSettings(7, 7), Operator, update);
        Assert.Equal("Written elsewhere", retried.State.DisplayName);
        Assert.Equal(7, retried.State.RateLimit!.RequestsPerSecond);
    }

    [Fact]
    public async Task A_call_that_fails_after_changing_the_state_leaves_no_trace_of_the_change()
    {
        var tenantId = NewTenantId();
        await ContractedCentre.SetUpAsync(cluster.Grains, tenantId);
        var returnId = ReturnDrafts.NewReturnId();
        var grain = cluster.Grains.Return(tenantId, returnId);
        var created = await grain.CreateAsync(ReturnDrafts.AutoApproved(cluster.Clock.GetUtcNow().UtcDateTime), Merchant(tenantId), Ticket(tenantId));

        // ConfirmRefund records the payment reference, then the lifecycle refuses: a labelled return is not refunded.
        await Assert.ThrowsAsync<PreconditionFailedException>(() => grain.ConfirmRefundAsync("pay-too-early", Merchant(tenantId), Ticket(tenantId)));

        var again = await grain.GetAsync();
        Assert.Null(again.State.PaymentReference); // the grain serves the stored state, not the reference it set before failing
        Assert.Equal(created.State.Rma.Timeline, again.State.Rma.Timeline);
        var stored = await cluster.Store.ReadAsync(new ActorKey(tenantId, ReturnGrain.TypeName, returnId), CancellationToken.None);
        Assert.DoesNotContain("pay-too-early", stored!.State, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_on_a_fresh_key_that_is_taken_after_all_fails_as_a_concurrent_change_and_overwrites_nothing()
    {
        var tenantId = NewTenantId();
        await ContractedCentre.SetUpAsync(cluster.Grains, tenantId);
        var returnId = ReturnDrafts.NewReturnId();
        var now = cluster.Clock.GetUtcNow().UtcDateTime;
        // Another writer takes the id before the grain's first call, which does not read its record ([FreshKey]).
        var key = new ActorKey(tenantId, ReturnGrain.TypeName, returnId);
        Assert.Equal(CommitOutcome.Committed, (await cluster.Store.CommitAsync(new ActorCommit(key, 0, 0, "{}", []), CancellationToken.None)).Outcome);

        var grain = cluster.Grains.Return(tenantId, returnId);
        await Assert.ThrowsAsync<ConcurrentChangeException>(() => grain.CreateAsync(ReturnDrafts.AutoApproved(now), Merchant(tenantId), Ticket(tenantId)));

        Assert.Equal((1L, "{}"), await cluster.Store.ReadAsync(key, CancellationToken.None) is { } stored ? (stored.Version, stored.State) : default);
        await Assert.ThrowsAsync<AlreadyExistsException>(() => grain.CreateAsync(ReturnDrafts.AutoApproved(now), Merchant(tenantId), Ticket(tenantId)));
    }
}
