using Grpc.Core;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Network.NetworkApi;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Network;

/// <summary>
/// After a restart the routing snapshot is loaded from the store: centres and contracts from their records, the bookings on
/// the centres from the returns' counters (a centre's grain keeps its bookings in memory only).
/// </summary>
public sealed class NetworkRestartTests : IDisposable
{
    private const string OperatorKey = "rl-network-restart-operator-key";
    private static readonly CallOptions Operator = As(OperatorKey);
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("rl-network-restart-").FullName;

    private Task<InProcessSilo> StartAsync() => InProcessSilo.StartAsync(new SiloOptions { DataDirectory = _dataDirectory, OperatorKey = OperatorKey });

    [Fact]
    public async Task A_centre_filled_before_a_restart_is_still_full_after_it()
    {
        var (small, large) = (Centre("FC-SMALL", capacity: 1), Centre("FC-LARGE"));
        Return first;
        string merchantKey;
        await using (var silo = await StartAsync())
        {
            foreach (var centre in new[] { small, large })
                await silo.Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator);
            await silo.Client.Network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = NewRequestId(), Carrier = CarrierTo("UPS", "US") }, Operator);
            string tenantId;
            (tenantId, merchantKey) = await NewMerchantAsync(silo.Client, OperatorKey);
            await silo.Client.Network.SetTenantContractAsync(new SetTenantContractRequest { RequestId = NewRequestId(), Contract = Contract(tenantId, "FC-SMALL", "FC-LARGE") }, Operator);
            first = await silo.Client.Returns.CreateReturnAsync(NewReturn(), As(merchantKey));
        }

        await using var restarted = await StartAsync();
        var second = await restarted.Client.Returns.CreateReturnAsync(NewReturn(), As(merchantKey));
        var firstRead = await restarted.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = first.ReturnId }, As(merchantKey));

        Assert.Equal("FC-SMALL", first.DestinationFulfillmentCenterId);
        Assert.Equal("FC-LARGE", second.DestinationFulfillmentCenterId);
        Assert.Equal("FULL", Assert.Single(second.Routing.Candidates, c => c.FulfillmentCenterId == "FC-SMALL").RejectionCode);
        Assert.Equal(first, firstRead);
    }

    [Fact]
    public async Task Concurrent_returns_book_a_centre_up_to_its_capacity_and_a_restarted_silo_reads_the_booked_units_back_from_the_counters()
    {
        const int capacity = 5;
        string merchantKey;
        List<Return> created;
        await using (var silo = await StartAsync())
        {
            await silo.Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = Centre("FC-ONLY", capacity) }, Operator);
            await silo.Client.Network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = NewRequestId(), Carrier = CarrierTo("UPS", "US") }, Operator);
            string tenantId;
            (tenantId, merchantKey) = await NewMerchantAsync(silo.Client, OperatorKey);
            await silo.Client.Network.SetTenantContractAsync(new SetTenantContractRequest { RequestId = NewRequestId(), Contract = Contract(tenantId, "FC-ONLY") }, Operator);
            var client = silo.Client;
            created = [.. await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
                client.Returns.CreateReturnAsync(NewReturn(customer: $"cust-{i}"), As(merchantKey)).ResponseAsync))];
        }

        await using var restarted = await StartAsync();
        var centre = await restarted.Client.Network.GetFulfillmentCenterAsync(new GetFulfillmentCenterRequest { FulfillmentCenterId = "FC-ONLY" }, Operator);
        var after = await restarted.Client.Returns.CreateReturnAsync(NewReturn(customer: "cust-after"), As(merchantKey));

        Assert.Equal(capacity, created.Count(r => r.DestinationFulfillmentCenterId == "FC-ONLY"));
        Assert.Equal(16 - capacity, created.Count(r => r.DestinationFulfillmentCenterId.Length == 0));
        var day = created.First(r => r.DestinationFulfillmentCenterId == "FC-ONLY").Routing.ArrivalDay;
        Assert.Equal(new DailyLoad { Day = day, ExpectedUnits = capacity }, Assert.Single(centre.Load));
        Assert.Equal("", after.DestinationFulfillmentCenterId);
        Assert.Equal("FULL", Assert.Single(after.Routing.Candidates, c => c.FulfillmentCenterId == "FC-ONLY").RejectionCode);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
