using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Client;
using ReverseLogistics.Tests.Network;
using ReverseLogistics.Tests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.Tests.Support.Handhelds;
using static ReverseLogistics.Tests.Support.Returns;

namespace ReverseLogistics.Tests.Receiving;

/// <summary>
/// A handheld acts only on returns routed to its own centre. These need two real centres, so they run on the
/// network tests' silo: handheld keys name centres of the network, and the shared silo has none.
/// </summary>
[Collection(NetworkSiloCollection.Name)]
public sealed class CentreBoundaryTests(NetworkSiloFixture silo)
{
    private GrpcChannel Channel => silo.Channel;

    private static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    private Task<CallOptions> HandheldAsync(string centre) => NewHandheldAsync(Channel, NetworkSiloFixture.OperatorKey, centre);

    private async Task<(TwoCentreNetwork Network, Return Created)> ReturnToPortlandAsync()
    {
        var network = await TwoCentreNetwork.CreateAsync(Channel, NetworkSiloFixture.OperatorKey);
        var created = await Channel.Unary(CreateReturn, TwoCentreNetwork.PortlandReturn(lines: Line(unitPrice: 20_00)), network.Merchant);
        Assert.Equal(network.Portland, created.DestinationFulfillmentCenterId);
        return (network, created);
    }

    private Task<ListReturnEventsResponse> EventsAsync(CallOptions merchant, string returnId) =>
        Channel.Unary(ListReturnEvents, new ListReturnEventsRequest { ReturnId = returnId }, merchant).ResponseAsync;

    [Fact]
    public async Task A_parcel_for_another_centre_is_refused_naming_the_centre_it_belongs_to()
    {
        var (network, created) = await ReturnToPortlandAsync();
        var elsewhere = await HandheldAsync(network.NewYork);

        var error = await FailsAsync(Channel.Unary(ScanParcel, Scan(created.TrackingNumber), elsewhere));
        var read = await Channel.Unary(GetReturn, new GetReturnRequest { ReturnId = created.ReturnId }, network.Merchant);

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
        await Channel.Unary(ReceiveItems, Receive(created.ReturnId, (0, 1)), handheld);
        var before = await EventsAsync(network.Merchant, created.ReturnId);

        var errors = new[]
        {
            await FailsAsync(Channel.Unary(ScanParcel, Scan(created.ReturnId), elsewhere)),
            await FailsAsync(Channel.Unary(ReceiveItems, Receive(created.ReturnId, (0, 1)), elsewhere)),
            await FailsAsync(Channel.Unary(RecordInspection, Inspect(created.ReturnId, 0, InspectionGrade.A), elsewhere)),
            await FailsAsync(Channel.Unary(SetDisposition, Dispose(created.ReturnId, 0, Disposition.Restock), elsewhere)),
            await FailsAsync(Channel.Unary(ReportException, Problem(created.ReturnId, ParcelProblem.EmptyBox), elsewhere)),
        };
        var after = await EventsAsync(network.Merchant, created.ReturnId);
        var newYorkInventory = await Channel.Unary(ListInventory, new ListInventoryRequest { TenantId = network.TenantId }, elsewhere);

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
        await Channel.Unary(ScanParcel, scan, handheld);

        var elsewhere = await FailsAsync(Channel.Unary(ScanParcel, scan, newYork));

        // Not "already used": the other centre's scan ran, and was refused for the parcel's centre.
        Assert.Equal(StatusCode.FailedPrecondition, elsewhere.StatusCode);
        Assert.Contains($"'{network.Portland}'", elsewhere.Status.Detail);
    }

    [Fact]
    public async Task A_handheld_key_names_a_centre_of_the_network_and_the_default_centre_is_no_longer_one()
    {
        var network = await TwoCentreNetwork.CreateAsync(Channel, NetworkSiloFixture.OperatorKey);
        var @operator = TenantAdmin.As(NetworkSiloFixture.OperatorKey);
        CreateApiKeyRequest Key(string centre) => new() { RequestId = TenantAdmin.NewRequestId(), Role = Role.Handheld, FulfillmentCenterId = centre };

        var known = await Channel.Unary(TenantAdmin.CreateApiKey, Key(network.Portland), @operator);
        var unknown = await FailsAsync(Channel.Unary(TenantAdmin.CreateApiKey, Key(network.Portland + "-X"), @operator));
        var defaultCentre = await FailsAsync(Channel.Unary(TenantAdmin.CreateApiKey, Key(DefaultCentre), @operator));

        Assert.Equal(network.Portland, known.ApiKey.FulfillmentCenterId);
        Assert.All(new[] { unknown, defaultCentre }, e =>
        {
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            Assert.Equal("fulfillment_center_id", Assert.Single(e.Status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
        });
    }
}
