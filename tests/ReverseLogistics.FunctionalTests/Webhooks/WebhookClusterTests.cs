using Grpc.Core;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Webhooks;

/// <summary>
/// Webhooks in a two-node PostgreSQL cluster, every node a process of its own: both nodes' dispatchers call every
/// endpoint, yet each endpoint is delivered by one node at a time (its receiver never sees two requests at once), and
/// when a node is killed with SIGKILL its endpoints carry on from the other node: every event reaches every receiver,
/// first deliveries in order, repeats allowed, nothing lost. Six endpoints, placed by Orleans, so that some almost surely
/// live on the killed node.
/// </summary>
public sealed class WebhookClusterTests : IAsyncLifetime, IDisposable
{
    private const int Endpoints = 6;
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["RL_WEBHOOKS_ALLOW_PRIVATE"] = "true",
        ["RL_WEBHOOK_TIMEOUT"] = "2",
    };
    private readonly PostgresDatabase database = new();
    private readonly string root = Directory.CreateTempSubdirectory("rl-webhooks-cluster-").FullName;
    private readonly List<WebhookReceiver> receivers = [];
    private readonly string clusterId = "hooks-" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        for (var i = 0; i < Endpoints; i++) receivers.Add(await WebhookReceiver.StartAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var receiver in receivers) await receiver.DisposeAsync();
        await database.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [SkippableFact]
    public async Task A_killed_nodes_endpoints_deliver_every_event_from_the_other_node_one_node_at_a_time()
    {
        Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
        var (victim, survivor) = await SiloProcess.StartTogetherAsync(Node("a"), Node("b"));
        await using var killed = victim;
        await using var alive = survivor;

        var merchant = await WebhookSilo.MerchantAsync(survivor.Client);
        foreach (var receiver in receivers)
            await survivor.Client.Webhooks.CreateWebhookEndpointAsync(new CreateWebhookEndpointRequest { RequestId = NewRequestId(), Url = receiver.Url }, merchant);
        for (var i = 0; i < 3; i++) await survivor.Client.Returns.CreateReturnAsync(NewReturn(customer: $"before-{i}"), merchant);
        // Every endpoint has delivered, so each is active on one of the nodes.
        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receivers.All(r => r.Delivered.Count > 0))), "every endpoint delivers before the kill");

        await victim.KillAsync();
        // Until the survivor declares the killed node dead, calls for grains that were active there answer UNAVAILABLE.
        Assert.True(await Eventually.HoldsAsync(async () =>
                (await OrleansMembershipTable.MembersAsync(database.ConnectionString!, clusterId)).Where(m => m.IsActive).Select(m => m.Port)
                .SequenceEqual([survivor.SiloPort])),
            "the killed node is declared dead");
        for (var i = 0; i < 3; i++) await survivor.Client.Returns.CreateReturnAsync(NewReturn(customer: $"after-{i}"), merchant);
        var events = await AllEventIdsAsync(survivor, merchant);

        Assert.True(await Eventually.HoldsAsync(() => Task.FromResult(receivers.All(r => events.All(r.Delivered.Contains)))),
            $"delivered per endpoint: {string.Join(", ", receivers.Select(r => r.Delivered.Distinct().Count()))} of {events.Count}");
        Assert.All(receivers, receiver =>
        {
            Assert.Equal(events, receiver.Delivered.Distinct());
            Assert.Equal(1, receiver.MostInFlight);
        });
    }

    private Task<SiloProcess> Node(string name) =>
        SiloProcess.StartAsync(Path.Combine(root, name), WebhookSilo.OperatorKey, database.ConnectionString, FreePorts.Next(), clusterId, Settings);


    private static async Task<List<string>> AllEventIdsAsync(SiloProcess silo, CallOptions merchant)
    {
        var page = await silo.Client.Events.ListEventsAsync(new ListEventsRequest { PageSize = 1000 }, merchant);
        Assert.True(page.AtEnd);
        return [.. page.Events.Select(e => e.EventId)];
    }
}
