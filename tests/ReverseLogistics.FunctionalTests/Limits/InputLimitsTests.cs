using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Limits;

/// <summary>
/// The absurd values an independent client sent (issue: every input bounded): each answers INVALID_ARGUMENT naming
/// the field, with a status that fits the trailers, and the same channel keeps serving.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class InputLimitsTests(SiloFixture silo)
{
    private static readonly CallOptions Operator = As(SiloFixture.OperatorKey);
    private PlatformClient Client => silo.Client;

    private async Task<CallOptions> MerchantAsync() => As((await NewMerchantAsync(Client, SiloFixture.OperatorKey)).MerchantKey);

    /// <summary>The call's INVALID_ARGUMENT, checked to name <paramref name="field"/> and to stay small.</summary>
    private static async Task<RpcException> RefusedAsync<T>(AsyncUnaryCall<T> call, string field)
    {
        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains(field, refused.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field));
        Assert.True(refused.Status.Detail.Length <= 1000, $"a status message of {refused.Status.Detail.Length} characters");
        return refused;
    }

    private async Task ChannelStillServesAsync(CallOptions merchant)
    {
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        Assert.Equal(created.ReturnId, (await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant)).ReturnId);
    }

    [Fact]
    public async Task A_70000_character_id_is_refused_without_being_echoed_and_the_channel_keeps_serving()
    {
        var merchant = await MerchantAsync();
        var huge = new string('x', 70_000);

        var refused = await RefusedAsync(Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = huge }, merchant), "return_id");
        var health = await RefusedAsync(Client.Health.CheckAsync(new HealthCheckRequest { Service = huge }), "service");

        Assert.DoesNotContain("xxxxxxxxxx", refused.Status.Detail + health.Status.Detail);
        await ChannelStillServesAsync(merchant);
    }

    [Theory]
    [InlineData(-62_135_596_801L, 0)] // before year 1
    [InlineData(253_402_300_800L, 0)] // year 10000
    [InlineData(long.MaxValue, 0)]
    [InlineData(long.MinValue, 0)]
    [InlineData(1_700_000_000L, -1)]
    [InlineData(1_700_000_000L, 1_000_000_000)]
    [InlineData(253_402_214_400L, 0)] // 9999-12-31: a DateTime holds it, but the window's end would not
    public async Task Timestamps_a_datetime_cannot_hold_or_the_policy_does_not_allow_are_refused(long seconds, int nanos)
    {
        var merchant = await MerchantAsync();
        var absurd = new Timestamp { Seconds = seconds, Nanos = nanos };
        var line = Line();
        line.DeliveredAt = absurd;

        await RefusedAsync(Client.Returns.CreateReturnAsync(NewReturn(lines: line), merchant), nanos is < 0 or > 999_999_999 ? "lines[0].delivered_at.nanos" : "lines[0].delivered_at");
        var check = new CheckEligibilityRequest { CustomerReference = "c", Lines = { line } };
        await RefusedAsync(Client.Returns.CheckEligibilityAsync(check, merchant), nanos is < 0 or > 999_999_999 ? "lines[0].delivered_at.nanos" : "lines[0].delivered_at");
        await RefusedAsync(Client.Returns.ListReturnsAsync(new ListReturnsRequest { CreatedAfter = absurd }, merchant),
            nanos is < 0 or > 999_999_999 ? "created_after.nanos" : "created_after");
        await ChannelStillServesAsync(merchant);
    }

    [Fact]
    public async Task A_carrier_event_from_the_far_future_is_refused_rather_than_applied()
    {
        var report = new ReportTrackingEventRequest
        {
            RequestId = NewRequestId(), TrackingNumber = "RL000000000000", CarrierEventId = "ev-1", Kind = TrackingEventKind.InTransit,
            OccurredAt = Timestamp.FromDateTime(new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc)),
        };
        var tomorrowAndABit = report.Clone();
        tomorrowAndABit.OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow.AddDays(2));

        await RefusedAsync(Client.Pickups.ReportTrackingEventAsync(report, Operator), "occurred_at");
        await RefusedAsync(Client.Pickups.ReportTrackingEventAsync(tomorrowAndABit, Operator), "occurred_at");
    }

    [Fact]
    public async Task Filters_and_ids_longer_than_the_limits_are_invalid_not_unknown_or_unavailable()
    {
        var merchant = await MerchantAsync();
        var long300 = new string('a', 300);

        await RefusedAsync(Client.Returns.ListReturnsAsync(new ListReturnsRequest { CustomerReference = long300 }, merchant), "customer_reference");
        await RefusedAsync(Client.Returns.ListReturnsAsync(new ListReturnsRequest { OrderReference = long300 }, merchant), "order_reference");
        await RefusedAsync(Client.Network.ListFulfillmentCentersAsync(new ListFulfillmentCentersRequest { CountryCode = long300 }, Operator), "country_code");
        await RefusedAsync(Client.Pickups.ListManifestsAsync(new ListManifestsRequest { CarrierId = long300 }, Operator), "carrier_id");
        await RefusedAsync(Client.Pickups.ReportTrackingEventAsync(new ReportTrackingEventRequest { RequestId = NewRequestId(), TrackingNumber = long300 }, Operator),
            "tracking_number");
        await RefusedAsync(Client.Pickups.PausePickupScheduleAsync(new PausePickupScheduleRequest { RequestId = NewRequestId(), ScheduleId = long300 }, Operator),
            "schedule_id");
        await RefusedAsync(Client.Pickups.ResumePickupScheduleAsync(new ResumePickupScheduleRequest { RequestId = NewRequestId(), ScheduleId = long300 }, Operator),
            "schedule_id");
        await RefusedAsync(Client.Pickups.GetManifestAsync(new GetManifestRequest { ManifestId = long300 }, Operator), "manifest_id");
    }

    [Fact]
    public async Task Money_whose_arithmetic_would_overflow_is_refused()
    {
        var merchant = await MerchantAsync();

        await RefusedAsync(Client.Returns.CreateReturnAsync(NewReturn(lines: Line(unitPrice: long.MaxValue, quantity: 2)), merchant), "lines[0].unit_price.minor_units");
        await RefusedAsync(Client.Returns.CreateReturnAsync(NewReturn(lines: Line(quantity: int.MaxValue)), merchant), "lines[0].quantity");
    }

    [Fact]
    public async Task An_undefined_label_format_is_refused()
    {
        var merchant = await MerchantAsync();
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);

        await RefusedAsync(Client.Returns.GetReturnLabelAsync(new GetReturnLabelRequest { ReturnId = created.ReturnId, Format = (LabelFormat)99 }, merchant), "format");
    }

    [Fact]
    public async Task A_centre_in_a_time_zone_the_runtime_does_not_know_is_refused()
    {
        var centre = Network.NetworkApi.Centre(Network.NetworkApi.NewPrefix() + "-MARS");
        centre.TimeZone = "Mars/Olympus";

        await RefusedAsync(Client.Network.CreateFulfillmentCenterAsync(new CreateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator),
            "fulfillment_center.time_zone");
    }

    [Fact]
    public async Task A_customer_name_of_a_mebibyte_is_refused_so_list_pages_stay_small()
    {
        var merchant = await MerchantAsync();
        var request = NewReturn();
        request.CustomerAddress.Name = new string('n', 1 << 20);

        await RefusedAsync(Client.Returns.CreateReturnAsync(request, merchant), "customer_address.name");
        await ChannelStillServesAsync(merchant);
    }

    [Theory]
    [InlineData(5_000)] // more than a list may hold
    [InlineData(900)] // within the count: the policy's own duplicate check reports them, capped
    public async Task A_policy_with_thousands_of_duplicate_skus_gets_a_bounded_status(int duplicates)
    {
        var merchant = await MerchantAsync();
        var policy = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), merchant);
        policy.NonReturnableSkus.Clear();
        policy.NonReturnableSkus.AddRange(Enumerable.Repeat("GIFT-CARD", duplicates));

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy }, merchant).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.True(refused.Status.Detail.Length <= 1000, $"a status message of {refused.Status.Detail.Length} characters");
        Assert.InRange(refused.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Count, 1, 51);
        Assert.All(refused.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Take(1), v => Assert.StartsWith("policy.non_returnable_skus", v.Field));
        await ChannelStillServesAsync(merchant);
    }

    [Fact]
    public async Task A_page_of_large_returns_ends_early_and_the_next_page_carries_on()
    {
        var merchant = await MerchantAsync();
        var customer = "big-" + NewRequestId();
        var lines = Enumerable.Range(0, 100).Select(i => Line(sku: $"SKU-{i}-" + new string('x', 80), order: new string('o', 90))).ToArray();
        var created = new List<string>();
        for (var i = 0; i < 16; i++) created.Add((await Client.Returns.CreateReturnAsync(NewReturn(customer, lines: lines), merchant)).ReturnId);

        var pages = new List<ListReturnsResponse>();
        var token = "";
        do
        {
            pages.Add(await Client.Returns.ListReturnsAsync(new ListReturnsRequest { CustomerReference = customer, PageSize = 100, PageToken = token }, merchant));
            token = pages[^1].NextPageToken;
        } while (token.Length > 0);

        Assert.True(pages.Count > 1, "16 returns of 100 lines each fit one page");
        Assert.All(pages, page => Assert.InRange(page.CalculateSize(), 1, 2 * 1024 * 1024));
        Assert.Equal(created.Order(), pages.SelectMany(p => p.Returns).Select(r => r.ReturnId).Order());
    }
}
