using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Handhelds;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Analytics;

/// <summary>
/// A silo of its own, no network (every return goes to the default centre), with a known receiving history made through
/// the public API, the clock moved from day to day:
/// <code>
/// 2026-03-09  merchant A creates R1 (2 units) and R2 (1 + 1 units); merchant B creates R3 (3 units)
/// 2026-03-10  R1 arrives, 2 units received, line 0 inspected; R3 arrives, 3 units received
/// 2026-03-12  R2 arrives, 2 units received, line 0 inspected
/// 2026-03-14  today
/// </code>
/// </summary>
public abstract class CenterMetricsWorld(WorldStore store)
    : MerchantsWorld(store, OperatorKey, new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero))
{
    public const string OperatorKey = "rl-centre-metrics-operator-key";

    protected override async Task MakeHistoryAsync()
    {
        var handheld = await NewHandheldAsync(Client, OperatorKey);

        var r1 = await CreateAsync(MerchantA, 2);
        var r2 = await CreateAsync(MerchantA, 1, 1);
        var r3 = await CreateAsync(MerchantB, 3);
        ToDay(10);
        await Client.Receiving.ReceiveItemsAsync(Receive(r1, (0, 2)), handheld);
        await Client.Receiving.RecordInspectionAsync(Inspect(r1, 0, InspectionGrade.A), handheld);
        await Client.Receiving.ReceiveItemsAsync(Receive(r3, (0, 3)), handheld);
        ToDay(12);
        await Client.Receiving.ReceiveItemsAsync(Receive(r2, (0, 1), (1, 1)), handheld);
        await Client.Receiving.RecordInspectionAsync(Inspect(r2, 0, InspectionGrade.B), handheld);
        ToDay(14);
    }

    private void ToDay(int march) => Clock.SetUtcNow(new DateTimeOffset(2026, 3, march, 9, 0, 0, TimeSpan.Zero));

    private async Task<string> CreateAsync(CallOptions merchant, params int[] quantities)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var request = Support.Returns.NewReturn(customer: "cust-" + Guid.NewGuid().ToString("N")[..8], lines: [.. quantities.Select((q, i) => new ReturnLineInput
        {
            OrderReference = "SO-1", Sku = $"SKU-{i + 1}", Category = "apparel", Quantity = q, PurchasedQuantity = q,
            UnitPrice = new Money { MinorUnits = 10_00, CurrencyCode = "USD" }, ReasonCode = "wrong_size",
            PurchasedAt = Timestamp.FromDateTime(now.AddDays(-5)), DeliveredAt = Timestamp.FromDateTime(now.AddDays(-3)),
        })]);
        return (await Client.Returns.CreateReturnAsync(request, merchant)).ReturnId;
    }
}

public sealed class EmbeddedCenterMetricsWorld() : CenterMetricsWorld(new EmbeddedWorldStore());

/// <summary>The world on PostgreSQL, on a database of its own; skipped without RL_TEST_POSTGRES.</summary>
public sealed class PostgresCenterMetricsWorld() : CenterMetricsWorld(new PostgresWorldStore());

public abstract class CenterMetricsTests(CenterMetricsWorld world)
{
    private Task<GetCenterMetricsResponse> MetricsAsync(string first, string last, AnalyticsInterval interval = AnalyticsInterval.Unspecified,
        string centre = "", CallOptions? caller = null)
    {
        Skip.If(world.SkipReason is not null, world.SkipReason);
        return world.Client.Analytics.GetCenterMetricsAsync(
            new GetCenterMetricsRequest { FirstDay = first, LastDay = last, Interval = interval, FulfillmentCenterId = centre }, caller ?? world.Operator).ResponseAsync;
    }

    private static ReceivingPeriod Period(string first, string last, long parcels, long units) =>
        new() { FirstDay = first, LastDay = last, Parcels = parcels, Units = units };

    [SkippableFact]
    public async Task Parcels_and_units_received_per_day_and_the_backlog_by_arrival_day_add_up_every_merchant()
    {
        var metrics = await MetricsAsync("2026-03-10", "2026-03-12", AnalyticsInterval.Day);

        var centre = Assert.Single(metrics.Centers);
        Assert.Equal(Handhelds.DefaultCentre, centre.FulfillmentCenterId);
        Assert.Equal(Period("2026-03-10", "2026-03-12", 3, 7), centre.Total);
        Assert.Equal([Period("2026-03-10", "2026-03-10", 2, 5), Period("2026-03-11", "2026-03-11", 0, 0), Period("2026-03-12", "2026-03-12", 1, 2)],
            centre.Periods);
        Assert.Equal((4L, 4), (centre.BacklogUnits, centre.BacklogOldestAgeDays));
        Assert.Equal([new BacklogDay { Day = "2026-03-10", Units = 3 }, new BacklogDay { Day = "2026-03-12", Units = 1 }], centre.Backlog);
    }

    [SkippableFact]
    public async Task A_range_before_any_arrival_has_no_receipts_but_the_backlog_is_of_now()
    {
        var metrics = await MetricsAsync("2026-03-01", "2026-03-09", centre: Handhelds.DefaultCentre);

        var centre = Assert.Single(metrics.Centers);
        Assert.Equal(Period("2026-03-01", "2026-03-09", 0, 0), centre.Total);
        Assert.Empty(centre.Periods);
        Assert.Equal(4L, centre.BacklogUnits);
    }

    [SkippableFact]
    public async Task Merchants_are_refused_an_unknown_centre_is_not_found_and_bad_fields_are_named()
    {
        var merchant = await Assert.ThrowsAsync<RpcException>(() => MetricsAsync("2026-03-01", "2026-03-09", caller: world.MerchantA));
        var unknown = await Assert.ThrowsAsync<RpcException>(() => MetricsAsync("2026-03-01", "2026-03-09", centre: "FC-NOWHERE"));
        var bad = await Assert.ThrowsAsync<RpcException>(() => MetricsAsync("2026-03-09", "2026-03-01", centre: "not a centre"));
        var badInterval = await Assert.ThrowsAsync<RpcException>(() => MetricsAsync("2026-03-01", "2026-03-09", (AnalyticsInterval)9));
        var badDay = await Assert.ThrowsAsync<RpcException>(() => MetricsAsync("yesterday", "2026-03-01"));

        Assert.Equal(StatusCode.PermissionDenied, merchant.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["fulfillment_center_id", "last_day"], Fields(bad).Order(StringComparer.Ordinal));
        Assert.Equal(["interval"], Fields(badInterval));
        Assert.Equal(["first_day"], Fields(badDay));
    }

    private static List<string> Fields(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return [.. error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field)];
    }
}

public sealed class EmbeddedCenterMetricsTests(EmbeddedCenterMetricsWorld world) : CenterMetricsTests(world), IClassFixture<EmbeddedCenterMetricsWorld>;

public sealed class PostgresCenterMetricsTests(PostgresCenterMetricsWorld world) : CenterMetricsTests(world), IClassFixture<PostgresCenterMetricsWorld>;
