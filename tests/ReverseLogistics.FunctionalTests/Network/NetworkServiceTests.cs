using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Network.NetworkApi;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Network;

/// <summary>NetworkService's centres, carriers and contracts through the real binding.</summary>
[Collection(NetworkSiloCollection.Name)]
public sealed class NetworkServiceTests(NetworkSiloFixture silo)
{
    private PlatformClient Client => silo.Client;
    private static readonly CallOptions Operator = As(NetworkSiloFixture.OperatorKey);

    private static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    private static List<string> Fields(RpcException error) => [.. error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field)];

    [Fact]
    public async Task A_centre_is_created_read_paused_and_listed()
    {
        var id = NewPrefix() + "-RNO";
        var centre = Centre(id, capacity: 250);
        centre.OpeningHours.Add(new OpeningHours { Day = Weekday.Sunday, Opens = "08:30", Closes = "17:00" });
        centre.CategoriesAccepted.Add("outdoor");
        centre.Services.Add(CenterService.Hazmat);

        var created = await Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator);
        var read = await Client.Network.GetFulfillmentCenterAsync(new GetFulfillmentCenterRequest { FulfillmentCenterId = id }, Operator);
        centre.Status = CenterStatus.Paused;
        var paused = await Client.Network.UpdateFulfillmentCenterAsync(new UpdateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator);
        var listedPaused = await Client.Network.ListFulfillmentCentersAsync(new ListFulfillmentCentersRequest { Status = CenterStatus.Paused, PageSize = 500 }, Operator);
        var listedActive = await Client.Network.ListFulfillmentCentersAsync(new ListFulfillmentCentersRequest { Status = CenterStatus.Active, PageSize = 500 }, Operator);

        Assert.Equal(CenterStatus.Active, created.Status);
        Assert.Equal(created, read);
        Assert.Equal([CenterService.Grading, CenterService.Hazmat], read.Services);
        Assert.Equal("08:30", read.OpeningHours[0].Opens);
        Assert.Equal(Weekday.Sunday, read.OpeningHours[0].Day);
        Assert.Equal(CenterStatus.Paused, paused.Status);
        Assert.Equal(created.CreateTime, paused.CreateTime);
        Assert.Contains(listedPaused.FulfillmentCenters, c => c.FulfillmentCenterId == id);
        Assert.DoesNotContain(listedActive.FulfillmentCenters, c => c.FulfillmentCenterId == id);
    }

    [Fact]
    public async Task Centres_are_listed_by_id_page_by_page()
    {
        var prefix = NewPrefix();
        foreach (var suffix in new[] { "C", "A", "B" })
            await Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = Centre($"{prefix}-{suffix}") }, Operator);

        var ids = new List<string>();
        var request = new ListFulfillmentCentersRequest { PageSize = 2 };
        do
        {
            var page = await Client.Network.ListFulfillmentCentersAsync(request, Operator);
            Assert.True(page.FulfillmentCenters.Count <= 2);
            ids.AddRange(page.FulfillmentCenters.Select(c => c.FulfillmentCenterId));
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);

        Assert.Equal([$"{prefix}-A", $"{prefix}-B", $"{prefix}-C"], ids.Where(i => i.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task A_bad_centre_is_refused_with_every_field_at_once_and_nothing_is_written()
    {
        var centre = Centre("bad id");
        centre.Location = null;
        centre.DailyCapacity = -1;
        centre.OpeningHours.Add(new OpeningHours { Day = Weekday.Unspecified, Opens = "9am", Closes = "17:00" });

        var error = await FailsAsync(Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["fulfillment_center.daily_capacity", "fulfillment_center.fulfillment_center_id", "fulfillment_center.location",
             "fulfillment_center.opening_hours[0].day", "fulfillment_center.opening_hours[0].opens"],
            Fields(error).Distinct().Order(StringComparer.Ordinal));
        var missing = await FailsAsync(Client.Network.GetFulfillmentCenterAsync(new GetFulfillmentCenterRequest { FulfillmentCenterId = "bad id" }, Operator));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_retried_create_answers_the_first_result_and_a_new_one_finds_the_centre_taken()
    {
        var centre = Centre(NewPrefix() + "-X");
        var create = new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre };

        var first = await Client.Network.CreateFulfillmentCenterAsync(create, Operator);
        var retried = await Client.Network.CreateFulfillmentCenterAsync(create, Operator);
        var taken = await FailsAsync(Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator));
        var reused = await FailsAsync(Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = create.RequestId, FulfillmentCenter = Centre(NewPrefix() + "-Y") }, Operator));

        Assert.Equal(first, retried);
        Assert.Equal(StatusCode.AlreadyExists, taken.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
    }

    [Fact]
    public async Task Updating_or_reading_a_missing_centre_is_not_found()
    {
        var update = await FailsAsync(Client.Network.UpdateFulfillmentCenterAsync(new UpdateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = Centre(NewPrefix() + "-NONE") }, Operator));
        var get = await FailsAsync(Client.Network.GetFulfillmentCenterAsync(new GetFulfillmentCenterRequest { FulfillmentCenterId = NewPrefix() + "-NONE" }, Operator));
        var malformed = await FailsAsync(Client.Network.GetFulfillmentCenterAsync(new GetFulfillmentCenterRequest { FulfillmentCenterId = new string('A', 300) }, Operator));

        Assert.Equal(StatusCode.NotFound, update.StatusCode);
        Assert.Equal(StatusCode.NotFound, get.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode); // longer than any id can be (docs/limits.md)
        Assert.Contains("fulfillment_center_id", malformed.Status.Detail);
    }

    [Fact]
    public async Task A_carrier_keeps_its_pickup_windows_and_label_format_and_must_name_known_centres()
    {
        var prefix = NewPrefix();
        await Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = Centre(prefix + "-A") }, Operator);
        var carrier = CarrierTo(prefix + "-UPS", "US", prefix + "-A");

        var created = await Client.Network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = NewRequestId(), Carrier = carrier }, Operator);
        carrier.Name = "Renamed";
        var updated = await Client.Network.UpdateCarrierAsync(new UpdateCarrierRequest { RequestId = NewRequestId(), Carrier = carrier }, Operator);
        var listed = await Client.Network.ListCarriersAsync(new ListCarriersRequest { PageSize = 500 }, Operator);

        var bad = CarrierTo(prefix + "-BAD", "US", prefix + "-NOWHERE");
        bad.PickupWindows.Add(new PickupWindow { Day = Weekday.Monday, Starts = "11:00", Ends = "10:00", Capacity = 0 });
        bad.CostPerParcel.CurrencyCode = "USD";
        var error = await FailsAsync(Client.Network.CreateCarrierAsync(new CreateCarrierRequest { RequestId = NewRequestId(), Carrier = bad }, Operator));

        Assert.Equal(LabelFormat.Zpl, created.LabelFormat);
        Assert.Equal(40, Assert.Single(created.PickupWindows).Capacity);
        Assert.Equal("Renamed", updated.Name);
        Assert.Equal(updated, Assert.Single(listed.Carriers, c => c.CarrierId == carrier.CarrierId));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(
            ["carrier.cost_per_parcel.currency_code", "carrier.fulfillment_center_ids[0]", "carrier.pickup_windows[1]", "carrier.pickup_windows[1].capacity", "carrier.pickup_windows[1].ends"],
            Fields(error).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_contract_names_existing_centres_of_an_existing_tenant()
    {
        var prefix = NewPrefix();
        await Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = Centre(prefix + "-A") }, Operator);
        var (tenantId, _) = await NewMerchantAsync(Client, NetworkSiloFixture.OperatorKey);
        var contract = Contract(tenantId, prefix + "-A");
        contract.CategoryServices.Add(new CategoryServices { Category = "batteries", Services = { CenterService.Hazmat } });

        var set = await Client.Network.SetTenantContractAsync(new SetTenantContractRequest { RequestId = NewRequestId(), Contract = contract }, Operator);
        var read = await Client.Network.GetTenantContractAsync(new GetTenantContractRequest { TenantId = tenantId }, Operator);
        var unknownCentre = await FailsAsync(Client.Network.SetTenantContractAsync(
            new SetTenantContractRequest { RequestId = NewRequestId(), Contract = Contract(tenantId, prefix + "-A", prefix + "-A", prefix + "-ZZ") }, Operator));
        var unknownTenant = await FailsAsync(Client.Network.SetTenantContractAsync(
            new SetTenantContractRequest { RequestId = NewRequestId(), Contract = Contract("no-such-tenant", prefix + "-A") }, Operator));
        var noContract = await FailsAsync(Client.Network.GetTenantContractAsync(new GetTenantContractRequest { TenantId = "no-such-tenant" }, Operator));

        Assert.Equal(set, read);
        Assert.Equal(CenterService.Hazmat, read.CategoryServices[0].Services[0]);
        Assert.Equal(["contract.fulfillment_center_ids[1]", "contract.fulfillment_center_ids[2]"], Fields(unknownCentre).Order(StringComparer.Ordinal));
        Assert.Equal(StatusCode.NotFound, unknownTenant.StatusCode);
        Assert.Equal(StatusCode.NotFound, noContract.StatusCode);
    }

    [Fact]
    public async Task A_merchant_key_may_not_touch_the_network()
    {
        var (_, merchantKey) = await NewMerchantAsync(Client, NetworkSiloFixture.OperatorKey);

        var list = await FailsAsync(Client.Network.ListFulfillmentCentersAsync(new ListFulfillmentCentersRequest(), As(merchantKey)));
        var create = await FailsAsync(Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = Centre(NewPrefix()) }, As(merchantKey)));

        Assert.Equal(StatusCode.PermissionDenied, list.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, create.StatusCode);
    }
}
