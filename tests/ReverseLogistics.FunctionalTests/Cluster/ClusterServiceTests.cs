using System.Text.Json;
using Grpc.Core;
using ReverseLogistics.FunctionalTests.Cli;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Cluster;

/// <summary>ClusterService over gRPC and through `rlctl cluster status`: the embedded node alone, and two nodes on PostgreSQL.</summary>
[Collection(SiloCollection.Name)]
public sealed class ClusterServiceTests(SiloFixture silo) : IDisposable
{
    private readonly Rlctl _rlctl = new();

    [Fact]
    public async Task An_operator_sees_the_embedded_node_as_the_one_active_silo_on_sqlite_and_other_roles_are_refused()
    {
        var (_, merchant) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);

        var status = await silo.Client.Cluster.GetClusterStatusAsync(new GetClusterStatusRequest(), As(SiloFixture.OperatorKey));
        var asMerchant = await Assert.ThrowsAsync<RpcException>(() =>
            silo.Client.Cluster.GetClusterStatusAsync(new GetClusterStatusRequest(), As(merchant)).ResponseAsync);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            silo.Client.Cluster.GetClusterStatusAsync(new GetClusterStatusRequest()).ResponseAsync);

        Assert.Equal(("reverse-logistics", ClusterStore.Sqlite), (status.ClusterId, status.Store));
        var only = Assert.Single(status.Silos);
        Assert.Equal((ClusterSiloStatus.Active, true, status.AnsweringSilo), (only.Status, only.Answering, only.Address));
        Assert.Matches(@"^127\.0\.0\.1:\d+@\d+$", only.Address);
        Assert.InRange(only.StartTime.ToDateTime(), DateTime.UtcNow.AddHours(-1), DateTime.UtcNow);
        Assert.True(only.Activations > 0, "the tenants' grains are active on it");
        Assert.Equal(StatusCode.PermissionDenied, asMerchant.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task Rlctl_cluster_status_prints_the_silos_as_a_table_or_as_the_response_in_json()
    {
        var json = await _rlctl.RunAsync("--address", silo.Address, "--key", SiloFixture.OperatorKey, "cluster", "status", "--json");
        var table = await _rlctl.RunAsync("--address", silo.Address, "--key", SiloFixture.OperatorKey, "cluster", "status");

        Assert.Equal((0, ""), (json.ExitCode, json.Error));
        var document = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal("CLUSTER_STORE_SQLITE", document.GetProperty("store").GetString());
        Assert.Equal("CLUSTER_SILO_STATUS_ACTIVE", document.GetProperty("silos")[0].GetProperty("status").GetString());
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("active", table.Output);
        Assert.Contains("Cluster reverse-logistics, embedded: SQLite, a cluster of one; 1 of 1 silo(s) active", table.Output);
    }

    public void Dispose() => _rlctl.Dispose();
}

/// <summary>Two nodes in cluster mode: each reports both, and a stopped one as dead.</summary>
public sealed class ClusterServicePostgresTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string OperatorKey = "rl-cluster-status-operator-key";
    private readonly PostgresNodes nodes = new(postgres.ConnectionString, OperatorKey);

    [SkippableFact]
    public async Task Each_node_lists_both_silos_on_postgres_and_a_stopped_one_turns_dead()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        await using var a = await nodes.StartAsync("a");
        string bAddress;
        await using (var b = await nodes.StartAsync("b"))
        {
            Assert.True(await Eventually.HoldsAsync(async () => (await StatusAsync(a)).Silos.Count(s => s.Status == ClusterSiloStatus.Active) == 2),
                "node A reports both nodes active");
            var fromB = await StatusAsync(b);
            Assert.Equal(ClusterStore.Postgres, fromB.Store);
            Assert.Equal(2, fromB.Silos.Count(s => s.Status == ClusterSiloStatus.Active));
            bAddress = Assert.Single(fromB.Silos, s => s.Answering).Address;
            Assert.Equal(fromB.AnsweringSilo, bAddress);
        }

        Assert.True(await Eventually.HoldsAsync(async () =>
            (await StatusAsync(a)).Silos.Single(s => s.Address == bAddress).Status == ClusterSiloStatus.Dead), "the stopped node is reported dead");
    }

    private static async Task<ClusterStatus> StatusAsync(InProcessSilo node) =>
        await node.Client.Cluster.GetClusterStatusAsync(new GetClusterStatusRequest(), As(OperatorKey));

    public void Dispose() => nodes.Dispose();
}
