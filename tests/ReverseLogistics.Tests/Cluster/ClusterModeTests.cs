using ReverseLogistics.Grpc;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Tests.Storage;
using ReverseLogistics.Tests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.Tests.Support.TenantAdmin;

namespace ReverseLogistics.Tests.Cluster;

/// <summary>
/// Two silo nodes on one PostgreSQL database: what one node commits, the other serves, and a
/// change reaches the other node's cached activations through LISTEN/NOTIFY.
/// </summary>
public sealed class ClusterModeTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string OperatorKey = "rl-cluster-operator-key";
    private readonly string _directory = Directory.CreateTempSubdirectory("rl-cluster-").FullName;

    private Task<InProcessSilo> StartNodeAsync(string name) => InProcessSilo.StartAsync(new SiloOptions
    {
        DataDirectory = Path.Combine(_directory, name),
        Store = StoreKind.Postgres,
        PostgresConnectionString = postgres.ConnectionString,
        OperatorKey = OperatorKey,
    });

    [SkippableFact]
    public async Task A_tenant_created_on_one_node_is_served_by_the_other()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        await using var a = await StartNodeAsync("a");
        await using var b = await StartNodeAsync("b");

        var (tenantId, merchantKey) = await NewMerchantAsync(a.Channel, OperatorKey);
        var seenByB = await b.Channel.Unary(GetTenant, new GetTenantRequest(), As(merchantKey));

        Assert.Equal(tenantId, seenByB.TenantId);
    }

    [SkippableFact]
    public async Task A_change_on_one_node_refreshes_the_other_nodes_activation()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        await using var a = await StartNodeAsync("a");
        await using var b = await StartNodeAsync("b");
        var (tenantId, merchantKey) = await NewMerchantAsync(a.Channel, OperatorKey);
        await b.Channel.Unary(GetTenant, new GetTenantRequest(), As(merchantKey)); // B now holds the tenant's activation and key ring

        await a.Channel.Unary(UpdateTenant, new UpdateTenantRequest { RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "Renamed on A" }, As(OperatorKey));
        await a.Channel.Unary(RevokeApiKey, new RevokeApiKeyRequest { RequestId = NewRequestId(), TenantId = tenantId, KeyId = merchantKey.Split('.')[2] }, As(OperatorKey));

        // Notifications travel asynchronously: wait (bounded) until B answers as A's commits say.
        var renamed = await EventuallyAsync(async () =>
            (await b.Channel.Unary(GetTenant, new GetTenantRequest { TenantId = tenantId }, As(OperatorKey))).DisplayName == "Renamed on A");
        var revoked = await EventuallyAsync(async () =>
        {
            try
            {
                await b.Channel.Unary(GetTenant, new GetTenantRequest(), As(merchantKey));
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

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!guard.IsCancellationRequested)
        {
            if (await condition()) return true;
            // A polling interval that keeps the merchant under its rate limit, not a timing assumption.
            await Task.Delay(20, CancellationToken.None);
        }
        return false;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
