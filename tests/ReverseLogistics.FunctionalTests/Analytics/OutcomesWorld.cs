using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Handhelds;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Analytics;

/// <summary>
/// A silo of its own where returns go through their stages with the platform's clock moved between steps, through the
/// public API (merchant, handheld). Merchant A's fraud rule is more than 2 returns in 30 days. The figures the tests
/// expect are worked out by hand from this list:
/// <code>
/// merchant A
///   R1 serial  SKU-1 apparel 1 x 50.00   2026-03-02 09:00 requested and auto-approved; 03-03 09:00 arrived and received;
///                                        03-03 12:00 inspected A, refund issued; 03-04 09:00 restocked
///   R2 serial  SKU-2 shoes 2 x 150.00    2026-03-02 09:00 requested (manual review: over 200.00); 15:00 approved;
///                                        03-05 09:00 arrived and received; 21:00 inspected B, refund issued; 03-06 09:00 liquidated
///   R3 once    SKU-1 apparel 1 x 50.00   2026-03-03 09:00 requested
///   R4 serial  SKU-1 apparel 1 x 50.00   2026-03-04 09:00 requested, cancelled the same day
///   R5 serial  SKU-1 apparel 1 x 50.00   2026-03-05 09:00 requested: 3 earlier returns in the window, sent to manual review
/// merchant B
///   serial     4 returns of SKU-1 on 2026-03-02 09:00
/// </code>
/// </summary>
public abstract class OutcomesWorld(WorldStore store) : MerchantsWorld(store, OperatorKey, new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero))
{
    public const string OperatorKey = "rl-outcomes-operator-key";

    /// <summary>R5 as CreateReturn answered it.</summary>
    public Return FifthOfSerial { get; private set; } = null!;

    /// <summary>R3 as CreateReturn answered it.</summary>
    public Return OnlyOfOnce { get; private set; } = null!;

    protected override async Task MakeHistoryAsync()
    {
        var policy = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), MerchantA);
        policy.Fraud = new FraudCheck { LookbackDays = 30, MaxReturns = 2 };
        await Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy }, MerchantA);
        var handheld = await NewHandheldAsync(Client, OperatorKey);

        var r1 = await CreateAsync(MerchantA, "serial", "SKU-1", "apparel", 1, 50_00);
        var r2 = await CreateAsync(MerchantA, "serial", "SKU-2", "shoes", 2, 150_00);
        for (var i = 0; i < 4; i++) await CreateAsync(MerchantB, "serial", "SKU-1", "apparel", 1, 50_00);
        To(3, 2, 15);
        var approved = await Client.Returns.ApproveReturnAsync(new ApproveReturnRequest { RequestId = NewRequestId(), ReturnId = r2.ReturnId }, MerchantA);
        To(3, 3, 9);
        OnlyOfOnce = await CreateAsync(MerchantA, "once", "SKU-1", "apparel", 1, 50_00);
        await HandleAsync(handheld, r1.TrackingNumber, r1.ReturnId, 1, (3, 3, 12), InspectionGrade.A, (3, 4, 9), Disposition.Restock);
        var r4 = await CreateAsync(MerchantA, "serial", "SKU-1", "apparel", 1, 50_00);
        await Client.Returns.CancelReturnAsync(new CancelReturnRequest { RequestId = NewRequestId(), ReturnId = r4.ReturnId, Reason = "kept it" }, MerchantA);
        To(3, 5, 9);
        FifthOfSerial = await CreateAsync(MerchantA, "serial", "SKU-1", "apparel", 1, 50_00);
        await HandleAsync(handheld, approved.TrackingNumber, r2.ReturnId, 2, (3, 5, 21), InspectionGrade.B, (3, 6, 9), Disposition.Liquidate);
    }

    /// <summary>The parcel arrives and its units are received now, are inspected then (settling the return), and given a disposition later.</summary>
    private async Task HandleAsync(CallOptions handheld, string trackingNumber, string returnId, int units,
        (int Month, int Day, int Hour) inspected, InspectionGrade grade, (int Month, int Day, int Hour) disposed, Disposition disposition)
    {
        await Client.Receiving.ScanParcelAsync(Scan(trackingNumber), handheld);
        await Client.Receiving.ReceiveItemsAsync(Receive(returnId, (0, units)), handheld);
        To(inspected.Month, inspected.Day, inspected.Hour);
        await Client.Receiving.RecordInspectionAsync(Inspect(returnId, 0, grade), handheld);
        To(disposed.Month, disposed.Day, disposed.Hour);
        await Client.Receiving.SetDispositionAsync(Dispose(returnId, 0, disposition), handheld);
    }

    private void To(int month, int day, int hour) => Clock.SetUtcNow(new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.Zero));

    private async Task<Return> CreateAsync(CallOptions merchant, string customer, string sku, string category, int quantity, long unitPrice)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var request = Support.Returns.NewReturn(customer: customer, lines: new ReturnLineInput
        {
            OrderReference = "SO-1", Sku = sku, Category = category, Quantity = quantity, PurchasedQuantity = quantity,
            UnitPrice = new Money { MinorUnits = unitPrice, CurrencyCode = "USD" }, ReasonCode = "wrong_size",
            PurchasedAt = Timestamp.FromDateTime(now.AddDays(-5)), DeliveredAt = Timestamp.FromDateTime(now.AddDays(-3)),
        });
        return await Client.Returns.CreateReturnAsync(request, merchant);
    }
}

/// <summary>The world on the embedded store.</summary>
public sealed class EmbeddedOutcomesWorld() : OutcomesWorld(new EmbeddedWorldStore());

/// <summary>The world on PostgreSQL; skipped without RL_TEST_POSTGRES.</summary>
public sealed class PostgresOutcomesWorld() : OutcomesWorld(new PostgresWorldStore());
