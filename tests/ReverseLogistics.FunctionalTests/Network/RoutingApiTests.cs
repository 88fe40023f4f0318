using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Network.NetworkApi;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Network;

/// <summary>Returns routed over a small network, through the real binding: each test builds its own centres, carriers and contract.</summary>
[Collection(NetworkSiloCollection.Name)]
public sealed class RoutingApiTests(NetworkSiloFixture silo)
{
    private PlatformClient Client => silo.Client;
    private static readonly CallOptions Operator = As(NetworkSiloFixture.OperatorKey);
    private readonly string prefix = NewPrefix();

    private static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    private string Id(string name) => $"{prefix}-{name}";

    private async Task<string> CentreAsync(string name, Action<FulfillmentCenter>? shape = null)
    {
        var centre = Centre(Id(name));
        shape?.Invoke(centre);
        await Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator);
        return centre.FulfillmentCenterId;
    }

    private Task<FulfillmentCenter> ReadCentreAsync(string id) => Client.Network.GetFulfillmentCenterAsync(new GetFulfillmentCenterRequest { FulfillmentCenterId = id }, Operator).ResponseAsync;

    private async Task SetStatusAsync(string id, CenterStatus status)
    {
        var centre = await ReadCentreAsync(id);
        centre.Status = status;
        await Client.Network.UpdateFulfillmentCenterAsync(new UpdateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator);
    }

    private Task CarrierAsync(string name, string country, params string[] centres) =>
        Client.Network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = NewRequestId(), Carrier = CarrierTo(Id(name), country, centres) }, Operator).ResponseAsync;

    private async Task<(string TenantId, CallOptions Merchant)> MerchantAsync(params string[] centres)
    {
        var (tenantId, key) = await NewMerchantAsync(Client, NetworkSiloFixture.OperatorKey);
        await ContractAsync(tenantId, centres);
        return (tenantId, As(key));
    }

    private Task ContractAsync(string tenantId, string[] centres, Action<TenantContract>? shape = null)
    {
        var contract = Contract(tenantId, centres);
        shape?.Invoke(contract);
        return Client.Network.SetTenantContractAsync(new SetTenantContractRequest { RequestId = NewRequestId(), Contract = contract }, Operator).ResponseAsync;
    }

    private static RoutingCandidate Candidate(Return r, string centre) => Assert.Single(r.Routing.Candidates, c => c.FulfillmentCenterId == centre);

    [Fact]
    public async Task A_return_goes_to_the_preferred_centre_that_takes_every_category_and_needed_service()
    {
        var apparelOnly = await CentreAsync("APPAREL", c => c.CategoriesAccepted.Add("apparel"));
        var plain = await CentreAsync("PLAIN");
        var hazmat = await CentreAsync("HAZMAT", c => c.Services.Add(CenterService.Hazmat));
        await CarrierAsync("UPS", "US", apparelOnly, plain, hazmat);
        var (tenantId, merchant) = await MerchantAsync(plain);
        await ContractAsync(tenantId, [apparelOnly, plain, hazmat],
            c => c.CategoryServices.Add(new CategoryServices { Category = "batteries", Services = { CenterService.Hazmat } }));

        var tent = await Client.Returns.CreateReturnAsync(NewReturn(lines: Line(category: "outdoor")), merchant);
        var battery = await Client.Returns.CreateReturnAsync(NewReturn(lines: Line(sku: "BATT-9V", category: "batteries", unitPrice: 9_00)), merchant);
        var label = await Client.Returns.GetReturnLabelAsync(new GetReturnLabelRequest { ReturnId = battery.ReturnId, Format = LabelFormat.Zpl }, merchant);
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = tent.ReturnId }, merchant);

        Assert.Equal((ReturnStatus.LabelIssued, plain, plain), (tent.Status, tent.DestinationFulfillmentCenterId, tent.Routing.FulfillmentCenterId));
        Assert.Equal("CATEGORY_NOT_ACCEPTED", Candidate(tent, apparelOnly).RejectionCode);
        Assert.True(Candidate(tent, hazmat).Eligible);
        Assert.StartsWith($"{plain} (score", tent.Routing.Explanation);
        Assert.Contains("won on contract preference", tent.Routing.Explanation);
        Assert.Equal(tent, read);

        Assert.Equal(hazmat, battery.DestinationFulfillmentCenterId);
        Assert.Equal("SERVICE_MISSING", Candidate(battery, plain).RejectionCode);
        Assert.Equal("CATEGORY_NOT_ACCEPTED", Candidate(battery, apparelOnly).RejectionCode);
        Assert.Equal(hazmat, label.DestinationFulfillmentCenterId);
        Assert.Contains(hazmat, System.Text.Encoding.ASCII.GetString(label.Content.ToByteArray()));
        Assert.Equal(Id("UPS"), battery.Routing.CarrierId);
        Assert.Equal(1, battery.Routing.Units);
    }

    [Fact]
    public async Task The_contract_decides_between_equal_centres_and_a_new_contract_applies_at_once()
    {
        var first = await CentreAsync("FIRST");
        var second = await CentreAsync("SECOND");
        var outside = await CentreAsync("OUTSIDE");
        await CarrierAsync("UPS", "US", first, second, outside);
        var (tenantId, merchant) = await MerchantAsync(second, first);

        var before = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        await ContractAsync(tenantId, [first, second]);
        var after = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);

        Assert.Equal(second, before.DestinationFulfillmentCenterId);
        Assert.Equal(0, Candidate(before, second).PreferenceRank);
        Assert.Equal(first, after.DestinationFulfillmentCenterId);
        Assert.DoesNotContain(after.Routing.Candidates, c => c.FulfillmentCenterId == outside && c.Eligible);
    }

    [Fact]
    public async Task A_centre_no_carrier_from_the_customer_reaches_is_passed_over()
    {
        var unreachable = await CentreAsync("UNREACHABLE");
        var reachable = await CentreAsync("REACHABLE");
        await CarrierAsync("CANADA", "CA", unreachable);
        await CarrierAsync("USA", "US", reachable);
        var (_, merchant) = await MerchantAsync(unreachable, reachable);

        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);

        Assert.Equal(reachable, created.DestinationFulfillmentCenterId);
        Assert.Equal("NO_CARRIER_COVERAGE", Candidate(created, unreachable).RejectionCode);
        Assert.Equal(Id("USA"), created.Routing.CarrierId);
    }

    [Fact]
    public async Task A_full_centre_overflows_to_the_next_and_counts_each_return_once()
    {
        var small = await CentreAsync("SMALL", c => c.DailyCapacity = 2);
        var large = await CentreAsync("LARGE");
        await CarrierAsync("UPS", "US", small, large);
        var (_, merchant) = await MerchantAsync(small, large);
        var firstRequest = NewReturn(lines: Line(quantity: 2, unitPrice: 20_00));

        var first = await Client.Returns.CreateReturnAsync(firstRequest, merchant);
        var retried = await Client.Returns.CreateReturnAsync(firstRequest, merchant);
        var second = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var smallLoad = (await ReadCentreAsync(small)).Load;
        var largeLoad = (await ReadCentreAsync(large)).Load;

        Assert.Equal(first, retried);
        Assert.Equal((small, 2), (first.DestinationFulfillmentCenterId, first.Routing.Units));
        Assert.Equal(large, second.DestinationFulfillmentCenterId);
        var full = Candidate(second, small);
        Assert.Equal(("FULL", 0), (full.RejectionCode, full.FreeUnits));
        Assert.Contains("2 of 2 units", full.RejectionMessage);
        Assert.Equal(new DailyLoad { Day = first.Routing.ArrivalDay, ExpectedUnits = 2 }, Assert.Single(smallLoad));
        Assert.Equal(new DailyLoad { Day = second.Routing.ArrivalDay, ExpectedUnits = 1 }, Assert.Single(largeLoad));
    }

    [Fact]
    public async Task A_paused_centre_takes_no_returns()
    {
        var paused = await CentreAsync("PAUSED");
        var open = await CentreAsync("OPEN");
        await CarrierAsync("UPS", "US", paused, open);
        var (_, merchant) = await MerchantAsync(paused, open);

        await SetStatusAsync(paused, CenterStatus.Paused);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(method: ReturnMethod.DropOffPoint), merchant);

        Assert.Equal((ReturnStatus.AwaitingDropoff, open), (created.Status, created.DestinationFulfillmentCenterId));
        Assert.Equal("PAUSED", Candidate(created, paused).RejectionCode);
    }

    [Fact]
    public async Task The_nearer_centre_wins_over_a_slightly_preferred_far_one_when_the_customer_is_located()
    {
        var newYork = await CentreAsync("NYC", c => c.Location = new GeoLocation { Latitude = 40.71, Longitude = -74.0 });
        var portland = await CentreAsync("PDX", c => c.Location = new GeoLocation { Latitude = 45.52, Longitude = -122.68 });
        await CarrierAsync("UPS", "US", newYork, portland);
        var (_, merchant) = await MerchantAsync(newYork, portland);
        var request = NewReturn();
        (request.CustomerAddress.Latitude, request.CustomerAddress.Longitude) = (45.51, -122.66);

        var created = await Client.Returns.CreateReturnAsync(request, merchant);

        Assert.Equal(portland, created.DestinationFulfillmentCenterId);
        Assert.InRange(Candidate(created, portland).DistanceKm, 0, 5);
        Assert.InRange(Candidate(created, newYork).DistanceKm, 3_500, 4_000);
        Assert.Contains("won on distance", created.Routing.Explanation);
        Assert.Equal(45.51, created.CustomerAddress.Latitude);
    }

    [Fact]
    public async Task Half_a_location_is_refused()
    {
        var (_, merchant) = await MerchantAsync(await CentreAsync("ANY"));
        var request = NewReturn();
        request.CustomerAddress.Latitude = 45.5;

        var error = await FailsAsync(Client.Returns.CreateReturnAsync(request, merchant));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("customer_address.longitude", error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public async Task A_return_approved_by_hand_is_routed_when_approved()
    {
        var centre = await CentreAsync("ONLY");
        await CarrierAsync("UPS", "US", centre);
        var (_, merchant) = await MerchantAsync(centre);

        var created = await Client.Returns.CreateReturnAsync(NewReturn(lines: Line(unitPrice: 450_00)), merchant);
        var approved = await Client.Returns.ApproveReturnAsync(new ApproveReturnRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId }, merchant);

        Assert.Equal(ReturnStatus.ManualReview, created.Status);
        Assert.Null(created.Routing);
        Assert.Equal((ReturnStatus.LabelIssued, centre), (approved.Status, approved.Routing.FulfillmentCenterId));
    }

    [Fact]
    public async Task With_no_centre_able_to_take_it_a_return_stays_approved_without_a_label_until_rerouted()
    {
        var centre = await CentreAsync("SHUT");
        await CarrierAsync("UPS", "US", centre);
        var (tenantId, merchant) = await MerchantAsync(centre);
        await SetStatusAsync(centre, CenterStatus.Paused);

        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var noLabel = await FailsAsync(Client.Returns.GetReturnLabelAsync(new GetReturnLabelRequest { ReturnId = created.ReturnId }, merchant));
        var stillShut = await FailsAsync(Client.Network.RerouteReturnAsync(
            new RerouteReturnRequest { RequestId = NewRequestId(), TenantId = tenantId, ReturnId = created.ReturnId }, Operator));
        await SetStatusAsync(centre, CenterStatus.Active);
        var rerouted = await Client.Network.RerouteReturnAsync(
            new RerouteReturnRequest { RequestId = NewRequestId(), TenantId = tenantId, ReturnId = created.ReturnId, Reason = "reopened" }, Operator);
        var events = await Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal((ReturnStatus.Approved, "", ""), (created.Status, created.DestinationFulfillmentCenterId, created.Routing.FulfillmentCenterId));
        Assert.Contains("PAUSED", Candidate(created, centre).RejectionCode);
        Assert.StartsWith("No centre can take this return", created.Routing.Explanation);
        Assert.Equal(StatusCode.FailedPrecondition, noLabel.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, stillShut.StatusCode);
        Assert.Equal((ReturnStatus.LabelIssued, centre), (rerouted.Status, rerouted.DestinationFulfillmentCenterId));
        Assert.StartsWith("RL", rerouted.TrackingNumber);
        Assert.Equal(["Approve", "HoldUnrouted", "Reroute", "IssueLabel"], events.Events.Select(e => e.Type));
        Assert.Equal("system:routing", events.Events[1].Actor);
        Assert.StartsWith("No centre can take this return", events.Events[1].Details);
        Assert.StartsWith($"no centre -> {centre}: reopened; ", events.Events[2].Details);
    }

    [Fact]
    public async Task Rerouting_moves_a_return_off_a_paused_centre_reissues_its_label_and_moves_its_booking()
    {
        var flooded = await CentreAsync("FLOODED");
        var dry = await CentreAsync("DRY");
        await CarrierAsync("UPS", "US", flooded, dry);
        var (tenantId, merchant) = await MerchantAsync(flooded, dry);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);

        await SetStatusAsync(flooded, CenterStatus.Paused);
        var reroute = new RerouteReturnRequest { RequestId = NewRequestId(), TenantId = tenantId, ReturnId = created.ReturnId, Reason = "flooded" };
        var rerouted = await Client.Network.RerouteReturnAsync(reroute, Operator);
        var retried = await Client.Network.RerouteReturnAsync(reroute, Operator);
        var label = await Client.Returns.GetReturnLabelAsync(new GetReturnLabelRequest { ReturnId = created.ReturnId, Format = LabelFormat.Zpl }, merchant);
        var events = await Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(flooded, created.DestinationFulfillmentCenterId);
        Assert.Equal((ReturnStatus.LabelIssued, dry), (rerouted.Status, rerouted.DestinationFulfillmentCenterId));
        Assert.Equal(rerouted, retried);
        Assert.NotEqual(created.TrackingNumber, rerouted.TrackingNumber);
        Assert.Equal((dry, rerouted.TrackingNumber), (label.DestinationFulfillmentCenterId, label.TrackingNumber));
        Assert.Equal("PAUSED", Candidate(rerouted, flooded).RejectionCode);
        var last = events.Events[^1];
        Assert.Equal("Reroute", last.Type);
        Assert.StartsWith("key:", last.Actor);
        Assert.StartsWith($"{flooded} -> {dry}: flooded; ", last.Details);
        Assert.Empty((await ReadCentreAsync(flooded)).Load);
        Assert.Equal(1, Assert.Single((await ReadCentreAsync(dry)).Load).ExpectedUnits);
    }

    [Fact]
    public async Task Rerouting_moves_a_return_off_a_centre_that_became_full()
    {
        var shrinking = await CentreAsync("SHRINKING");
        var spare = await CentreAsync("SPARE");
        await CarrierAsync("UPS", "US", shrinking, spare);
        var (tenantId, merchant) = await MerchantAsync(shrinking, spare);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(method: ReturnMethod.DropOffPoint), merchant);
        var same = await Client.Network.RerouteReturnAsync(new RerouteReturnRequest { RequestId = NewRequestId(), TenantId = tenantId, ReturnId = created.ReturnId }, Operator);

        var centre = await ReadCentreAsync(shrinking);
        centre.DailyCapacity = 0;
        await Client.Network.UpdateFulfillmentCenterAsync(new UpdateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator);
        var moved = await Client.Network.RerouteReturnAsync(new RerouteReturnRequest { RequestId = NewRequestId(), TenantId = tenantId, ReturnId = created.ReturnId, Reason = "short-staffed" }, Operator);
        var events = await Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(shrinking, same.DestinationFulfillmentCenterId);
        Assert.Equal((ReturnStatus.AwaitingDropoff, spare), (moved.Status, moved.DestinationFulfillmentCenterId));
        Assert.Equal("FULL", Candidate(moved, shrinking).RejectionCode);
        Assert.StartsWith($"stays at {shrinking}: ", events.Events[^2].Details);
        Assert.StartsWith($"{shrinking} -> {spare}: short-staffed; ", events.Events[^1].Details);
        Assert.Empty((await ReadCentreAsync(shrinking)).Load);
    }

    [Fact]
    public async Task A_return_on_its_way_or_cancelled_or_unknown_is_not_rerouted()
    {
        var centre = await CentreAsync("ONE");
        await CarrierAsync("UPS", "US", centre);
        var (tenantId, merchant) = await MerchantAsync(centre);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        await Client.Returns.CancelReturnAsync(new CancelReturnRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId }, merchant);

        var cancelled = await FailsAsync(Client.Network.RerouteReturnAsync(new RerouteReturnRequest { RequestId = NewRequestId(), TenantId = tenantId, ReturnId = created.ReturnId }, Operator));
        var unknown = await FailsAsync(Client.Network.RerouteReturnAsync(new RerouteReturnRequest { RequestId = NewRequestId(), TenantId = tenantId, ReturnId = "nope" }, Operator));
        var otherTenant = await FailsAsync(Client.Network.RerouteReturnAsync(new RerouteReturnRequest { RequestId = NewRequestId(), TenantId = "someone-else", ReturnId = created.ReturnId }, Operator));

        Assert.Equal(StatusCode.FailedPrecondition, cancelled.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.NotFound, otherTenant.StatusCode);
    }

    [Fact]
    public async Task RouteReturn_previews_without_booking_and_leaves_a_returns_own_booking_out()
    {
        var centre = await CentreAsync("TINY", c => c.DailyCapacity = 1);
        await CarrierAsync("UPS", "US", centre);
        var (tenantId, merchant) = await MerchantAsync(centre);
        var query = new RoutingQuery { CountryCode = "US", PostalCode = "97201", ReturnMethod = ReturnMethod.CarrierPickup, Categories = { "outdoor" } };

        var preview = await Client.Network.RouteReturnAsync(new RouteReturnRequest { TenantId = tenantId, Query = query }, Operator);
        var unbooked = await ReadCentreAsync(centre);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var ownReturn = await Client.Network.RouteReturnAsync(new RouteReturnRequest { TenantId = tenantId, ReturnId = created.ReturnId }, Operator);
        var another = await Client.Network.RouteReturnAsync(new RouteReturnRequest { TenantId = tenantId, Query = query }, Operator);
        var badQuery = await FailsAsync(Client.Network.RouteReturnAsync(new RouteReturnRequest { TenantId = tenantId, Query = new RoutingQuery { ArrivalDay = "soon" } }, Operator));

        Assert.Equal(centre, preview.FulfillmentCenterId);
        Assert.Empty(unbooked.Load);
        Assert.Equal(centre, ownReturn.FulfillmentCenterId);
        Assert.Equal("", another.FulfillmentCenterId);
        Assert.Equal("FULL", Assert.Single(another.Candidates).RejectionCode);
        Assert.Equal(StatusCode.InvalidArgument, badQuery.StatusCode);
        Assert.Equal(["query.arrival_day", "query.country_code", "query.return_method"],
            badQuery.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }
}
