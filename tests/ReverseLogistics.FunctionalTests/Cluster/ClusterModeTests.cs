using Grpc.Core;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Cluster;

/// <summary>
/// Two silo nodes on one PostgreSQL database: what one node commits, the other serves, and a
/// change reaches the other node's cached activations through LISTEN/NOTIFY.
/// </summary>
public sealed class ClusterModeTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string OperatorKey = "rl-cluster-operator-key";
    private readonly PostgresNodes nodes = new(postgres.ConnectionString, OperatorKey);

    [SkippableFact]
    public async Task A_tenant_created_on_one_node_is_served_by_the_other()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        await using var a = await nodes.StartAsync("a");
        await using var b = await nodes.StartAsync("b");

        var (tenantId, merchantKey) = await NewMerchantAsync(a.Client, OperatorKey);
        var seenByB = await b.Client.Tenants.GetTenantAsync(new GetTenantRequest(), As(merchantKey));

        Assert.Equal(tenantId, seenByB.TenantId);
    }

    [SkippableFact]
    public async Task A_change_on_one_node_refreshes_the_other_nodes_activation()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        await using var a = await nodes.StartAsync("a");
        await using var b = await nodes.StartAsync("b");
        var (tenantId, merchantKey) = await NewMerchantAsync(a.Client, OperatorKey);
        await b.Client.Tenants.GetTenantAsync(new GetTenantRequest(), As(merchantKey)); // B now holds the tenant's activation and key ring

        await a.Client.Tenants.UpdateTenantAsync(new UpdateTenantRequest { RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "Renamed on A" }, As(OperatorKey));
        await a.Client.Tenants.RevokeApiKeyAsync(new RevokeApiKeyRequest { RequestId = NewRequestId(), TenantId = tenantId, KeyId = merchantKey.Split('.')[2] }, As(OperatorKey));

        // Notifications travel asynchronously: wait (bounded) until B answers as A's commits say.
        var renamed = await Eventually.HoldsAsync(async () =>
            (await b.Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = tenantId }, As(OperatorKey))).DisplayName == "Renamed on A");
        var revoked = await Eventually.HoldsAsync(async () =>
        {
            try
            {
                await b.Client.Tenants.GetTenantAsync(new GetTenantRequest(), As(merchantKey));
                return false;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
            {
                return true;
            }
        });

        Assert.True(renamed, "node B never saw the rename committed on node A");
        Assert.True(revoked, "node B kept accepting a key revoked on node A");
    }

    public void Dispose() => nodes.Dispose();
}
