using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Cluster;

/// <summary>Every node hosts an Orleans silo: alone when embedded, and joined into one cluster with the other nodes on PostgreSQL.</summary>
public sealed class SiloMembershipTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string OperatorKey = "rl-membership-operator-key";
    private readonly PostgresNodes nodes = new(postgres.ConnectionString, OperatorKey);

    [Fact]
    public async Task An_embedded_node_is_a_cluster_of_one()
    {
        await using var silo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = OperatorKey });

        var hosts = await Management(silo).GetHosts(onlyActive: true);

        Assert.Single(hosts);
    }

    [SkippableFact]
    public async Task Nodes_on_one_database_form_one_cluster_and_a_stopped_node_leaves_it()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        await using var a = await nodes.StartAsync("a");
        await using (var b = await nodes.StartAsync("b"))
        {
            Assert.True(await Eventually.HoldsAsync(async () => (await Management(a).GetHosts(onlyActive: true)).Count == 2),
                "both nodes are active members, as node A sees it");
            Assert.Equal(2, (await Management(b).GetHosts(onlyActive: true)).Count);
        }

        Assert.True(await Eventually.HoldsAsync(async () => (await Management(a).GetHosts(onlyActive: true)).Count == 1),
            "the stopped node left the cluster");
    }

    private static IManagementGrain Management(InProcessSilo silo) =>
        silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);

    public void Dispose() => nodes.Dispose();
}
