using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Network;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Handhelds;
using static ReverseLogistics.FunctionalTests.Support.Returns;

namespace ReverseLogistics.FunctionalTests.Receiving;

/// <summary>
/// A handheld acts only on returns routed to its own centre. These need two real centres, so they run on the
/// network tests' silo: handheld keys name centres of the network, and the shared silo has none.
/// </summary>
[Collection(NetworkSiloCollection.Name)]
public sealed class CentreBoundaryTests(NetworkSiloFixture silo)
{
    private PlatformClient Client => silo.Client;

    private static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    private Task<CallOptions> HandheldAsync(string centre) => NewHandheldAsync(Client, NetworkSiloFixture.OperatorKey, centre);

    private async Task<(TwoCentreNetwork Network, Return Created)> ReturnToPortlandAsync()
    {
        var network = await TwoCentreNetwork.CreateAsync(Client, NetworkSiloFixture.OperatorKey);
        var created = await Client.Returns.CreateReturnAsync(TwoCentreNetwork.PortlandReturn(lines: Line(unitPrice: 20_00)), network.Merchant);
        Assert.Equal(network.Portland, created.DestinationFulfillmentCenterId);
        return (network, created);
    }

    private Task<ListReturnEventsResponse> EventsAsync(CallOptions merchant, string returnId) =>
        Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = returnId }, merchant).ResponseAsync;

    [Fact]
    public async Task A_parcel_for_another_centre_is_refused_naming_the_centre_it_belongs_to()
    {
        var (network, created) = await ReturnToPortlandAsync();
        var elsewhere = await HandheldAsync(network.NewYork);

        var error = await FailsAsync(Client.Receiving.ScanParcelAsync(Scan(created.TrackingNumber), elsewhere));
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, network.Merchant);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains($"'{network.Portland}'", error.Status.Detail);
        Assert.Equal(ReturnStatus.LabelIssued, read.Status);
        Assert.Null(read.ArriveTime);
    }

    [Fact]
    public async Task A_handheld_of_one_centre_cannot_act_on_another_centres_return_with_any_call()
    {
        var (network, created) = await ReturnToPortlandAsync();
        var handheld = await HandheldAsync(network.Portland);
        var elsewhere = await HandheldAsync(network.NewYork);
        await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1)), handheld);
        var before = await EventsAsync(network.Merchant, created.ReturnId);

        var errors = new[]
        {
            await FailsAsync(Client.Receiving.ScanParcelAsync(Scan(created.ReturnId), elsewhere)),
            await FailsAsync(Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1)), elsewhere)),
            await FailsAsync(Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 0, InspectionGrade.A), elsewhere)),
            await FailsAsync(Client.Receiving.SetDispositionAsync(Dispose(created.ReturnId, 0, Disposition.Restock), elsewhere)),
            await FailsAsync(Client.Receiving.ReportExceptionAsync(Problem(created.ReturnId, ParcelProblem.EmptyBox), elsewhere)),
        };
        var after = await EventsAsync(network.Merchant, created.ReturnId);
        var newYorkInventory = await Client.Receiving.ListInventoryAsync(new ListInventoryRequest { TenantId = network.TenantId }, elsewhere);

        Assert.All(errors, e => Assert.Equal((StatusCode.FailedPrecondition, true), (e.StatusCode, e.Status.Detail.Contains($"'{network.Portland}'"))));
        Assert.Equal(before, after);
        Assert.Equal(network.NewYork, newYorkInventory.FulfillmentCenterId);
        Assert.Empty(newYorkInventory.Items);
    }

    [Fact]
    public async Task Scan_ids_are_scoped_per_centre()
    {
        var (network, created) = await ReturnToPortlandAsync();
        var handheld = await HandheldAsync(network.Portland);
        var newYork = await HandheldAsync(network.NewYork);
        var scan = Scan(created.TrackingNumber);
        await Client.Receiving.ScanParcelAsync(scan, handheld);

        var elsewhere = await FailsAsync(Client.Receiving.ScanParcelAsync(scan, newYork));

        // Not "already used": the other centre's scan ran, and was refused for the parcel's centre.
        Assert.Equal(StatusCode.FailedPrecondition, elsewhere.StatusCode);
        Assert.Contains($"'{network.Portland}'", elsewhere.Status.Detail);
    }

    [Fact]
    public async Task A_handheld_key_names_a_centre_of_the_network_and_the_default_centre_is_no_longer_one()
    {
        var network = await TwoCentreNetwork.CreateAsync(Client, NetworkSiloFixture.OperatorKey);
        var @operator = TenantAdmin.As(NetworkSiloFixture.OperatorKey);
        CreateApiKeyRequest Key(string centre) => new() { RequestId = TenantAdmin.NewRequestId(), Role = Role.Handheld, FulfillmentCenterId = centre };

        var known = await Client.Tenants.CreateApiKeyAsync(Key(network.Portland), @operator);
        var unknown = await FailsAsync(Client.Tenants.CreateApiKeyAsync(Key(network.Portland + "-X"), @operator));
        var defaultCentre = await FailsAsync(Client.Tenants.CreateApiKeyAsync(Key(DefaultCentre), @operator));

        Assert.Equal(network.Portland, known.ApiKey.FulfillmentCenterId);
        Assert.All(new[] { unknown, defaultCentre }, e =>
        {
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Equal("fulfillment_center_id", Assert.Single(e.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
        });
    }
}
