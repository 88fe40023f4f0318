using Grpc.Core;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Network.NetworkApi;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Network;

/// <summary>
/// Two nodes on one PostgreSQL database: a network change on one reaches the other's routing snapshot
/// (LISTEN/NOTIFY), and a centre booked full on one is not overbooked from the other.
/// </summary>
public sealed class NetworkClusterTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>, IDisposable
{
    private const string OperatorKey = "rl-network-cluster-operator-key";
    private static readonly CallOptions Operator = As(OperatorKey);
    private readonly PostgresNodes nodes = new(postgres.ConnectionString, OperatorKey);

    [SkippableFact]
    public async Task A_network_change_on_one_node_reaches_routing_on_the_other()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        await using var a = await nodes.StartAsync("a");
        await using var b = await nodes.StartAsync("b");
        var (tenantId, _) = await NewMerchantAsync(a.Client, OperatorKey);
        var query = new RouteReturnRequest
        {
            TenantId = tenantId,
            Query = new RoutingQuery { CountryCode = "US", PostalCode = "97201", ReturnMethod = ReturnMethod.CarrierPickup },
        };
        var prefix = NewPrefix();
        await b.Client.Network.RouteReturnAsync(query, Operator); // B has loaded its snapshot, without the centre below

        var centre = Centre(prefix + "-A");
        await a.Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator);
        await a.Client.Network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = NewRequestId(), Carrier = CarrierTo(prefix + "-UPS", "US", centre.FulfillmentCenterId) }, Operator);
        await a.Client.Network.SetTenantContractAsync(new SetTenantContractRequest { RequestId = NewRequestId(), Contract = Contract(tenantId, centre.FulfillmentCenterId) }, Operator);
        var routed = await Eventually.HoldsAsync(async () => (await b.Client.Network.RouteReturnAsync(query, Operator)).FulfillmentCenterId == centre.FulfillmentCenterId);
        centre.Status = CenterStatus.Paused;
        await a.Client.Network.UpdateFulfillmentCenterAsync(new UpdateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator);
        var paused = await Eventually.HoldsAsync(async () => (await b.Client.Network.RouteReturnAsync(query, Operator)).Candidates.Any(c => c.RejectionCode == "PAUSED"));

        Assert.True(routed, "node B never routed to the centre created on node A");
        Assert.True(paused, "node B kept routing to the centre paused on node A");
    }

    [SkippableFact]
    public async Task A_centre_filled_from_one_node_overflows_on_the_other()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        await using var a = await nodes.StartAsync("a");
        await using var b = await nodes.StartAsync("b");
        var prefix = NewPrefix();
        var (small, large) = (Centre(prefix + "-SMALL", capacity: 1), Centre(prefix + "-LARGE"));
        foreach (var centre in new[] { small, large })
            await a.Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator);
        await a.Client.Network.CreateCarrierAsync(new CreateCarrierRequest
        {
            RequestId = NewRequestId(), Carrier = CarrierTo(prefix + "-UPS", "US", small.FulfillmentCenterId, large.FulfillmentCenterId),
        }, Operator);
        var (tenantId, merchantKey) = await NewMerchantAsync(a.Client, OperatorKey);
        await a.Client.Network.SetTenantContractAsync(new SetTenantContractRequest
        {
            RequestId = NewRequestId(), Contract = Contract(tenantId, small.FulfillmentCenterId, large.FulfillmentCenterId),
        }, Operator);

        var onA = await a.Client.Returns.CreateReturnAsync(NewReturn(), As(merchantKey));
        var onB = await b.Client.Returns.CreateReturnAsync(NewReturn(), As(merchantKey));

        Assert.Equal(small.FulfillmentCenterId, onA.DestinationFulfillmentCenterId);
        Assert.Equal(large.FulfillmentCenterId, onB.DestinationFulfillmentCenterId);
    }

    public void Dispose() => nodes.Dispose();
}
