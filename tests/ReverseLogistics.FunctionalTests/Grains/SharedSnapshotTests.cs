using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Grains;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Grains;

/// <summary>
/// Snapshots reach callers on the same silo without a copy: reads share one object until the grain writes,
/// and a write never changes a snapshot a caller already holds.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class SharedSnapshotTests(SiloFixture silo)
{
    private static readonly CallOptions Operator = As(SiloFixture.OperatorKey);

    private IGrainFactory Grains => silo.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task A_return_snapshot_held_by_a_caller_keeps_its_state_when_the_return_changes()
    {
        var (tenantId, merchantKey) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        var created = await silo.Client.Returns.CreateReturnAsync(Support.Returns.NewReturn(), As(merchantKey));
        var grain = Grains.Return(tenantId, created.ReturnId);

        var before = await grain.GetAsync();
        Assert.Same(before.State, (await grain.GetAsync()).State); // not copied while nothing changes
        var (stateBefore, timelineBefore) = (before.State.Rma.State, before.State.Rma.Timeline.Count);

        await silo.Client.Returns.CancelReturnAsync(
            new CancelReturnRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, Reason = "changed my mind" }, As(merchantKey));

        var after = await grain.GetAsync();
        Assert.Equal(ReturnState.Cancelled, after.State.Rma.State);
        Assert.Equal(stateBefore, before.State.Rma.State);
        Assert.Equal(timelineBefore, before.State.Rma.Timeline.Count);
        Assert.NotEqual(ReturnState.Cancelled, before.State.Rma.State);
    }

    [Fact]
    public async Task A_tenant_snapshot_held_by_a_caller_keeps_its_state_when_the_tenant_changes()
    {
        var tenantId = "ss-" + Guid.NewGuid().ToString("N")[..10];
        await silo.Client.Tenants.CreateTenantAsync(new CreateTenantRequest { RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "Before" }, Operator);
        var before = await Grains.Tenant(tenantId).GetAsync();

        await silo.Client.Tenants.UpdateTenantAsync(new UpdateTenantRequest { RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "After" }, Operator);

        Assert.Equal("Before", before.State.DisplayName);
        Assert.Equal("After", (await Grains.Tenant(tenantId).GetAsync()).State.DisplayName);
    }
}
