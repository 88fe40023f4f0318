using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.Silo.Hosting;
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
public abstract class OutcomesWorld : IAsyncLifetime
{
    public const string OperatorKey = "rl-outcomes-operator-key";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public InProcessSilo Silo { get; private set; } = null!;
    public PlatformClient Client => Silo.Client;
    public CallOptions MerchantA { get; private set; }
    public CallOptions MerchantB { get; private set; }
    public string TenantA { get; private set; } = "";
    public string TenantB { get; private set; } = "";
    public CallOptions Operator { get; } = As(OperatorKey);

    /// <summary>R5 as CreateReturn answered it.</summary>
    public Return FifthOfSerial { get; private set; } = null!;

    /// <summary>R3 as CreateReturn answered it.</summary>
    public Return OnlyOfOnce { get; private set; } = null!;

    public virtual string? SkipReason => null;

    protected abstract Task<InProcessSilo> StartAsync(SiloOptions options);

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        Silo = await StartAsync(new SiloOptions { OperatorKey = OperatorKey, Clock = clock });
        var limit = new RateLimit { RequestsPerSecond = 10_000, Burst = 10_000 };
        (TenantA, var keyA) = await NewMerchantAsync(Client, OperatorKey, limit);
        MerchantA = As(keyA);
        (TenantB, var keyB) = await NewMerchantAsync(Client, OperatorKey, limit);
        MerchantB = As(keyB);
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
        await Client.Receiving.ScanParcelAsync(Scan(r1.TrackingNumber), handheld);
        await Client.Receiving.ReceiveItemsAsync(Receive(r1.ReturnId, (0, 1)), handheld);
        To(3, 3, 12);
        await Client.Receiving.RecordInspectionAsync(Inspect(r1.ReturnId, 0, InspectionGrade.A), handheld);
        To(3, 4, 9);
        await Client.Receiving.SetDispositionAsync(Dispose(r1.ReturnId, 0, Disposition.Restock), handheld);
        var r4 = await CreateAsync(MerchantA, "serial", "SKU-1", "apparel", 1, 50_00);
        await Client.Returns.CancelReturnAsync(new CancelReturnRequest { RequestId = NewRequestId(), ReturnId = r4.ReturnId, Reason = "kept it" }, MerchantA);
        To(3, 5, 9);
        FifthOfSerial = await CreateAsync(MerchantA, "serial", "SKU-1", "apparel", 1, 50_00);
        await Client.Receiving.ScanParcelAsync(Scan(approved.TrackingNumber), handheld);
        await Client.Receiving.ReceiveItemsAsync(Receive(r2.ReturnId, (0, 2)), handheld);
        To(3, 5, 21);
        await Client.Receiving.RecordInspectionAsync(Inspect(r2.ReturnId, 0, InspectionGrade.B), handheld);
        To(3, 6, 9);
        await Client.Receiving.SetDispositionAsync(Dispose(r2.ReturnId, 0, Disposition.Liquidate), handheld);
    }

    public virtual async Task DisposeAsync()
    {
        if (Silo is not null) await Silo.DisposeAsync();
    }

    private void To(int month, int day, int hour) => clock.SetUtcNow(new DateTimeOffset(2026, month, day, hour, 0, 0, TimeSpan.Zero));

    private async Task<Return> CreateAsync(CallOptions merchant, string customer, string sku, string category, int quantity, long unitPrice)
    {
        var now = clock.GetUtcNow().UtcDateTime;
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
public sealed class EmbeddedOutcomesWorld : OutcomesWorld
{
    protected override Task<InProcessSilo> StartAsync(SiloOptions options) => InProcessSilo.StartFreshAsync(options);
}

/// <summary>The world on PostgreSQL (cluster mode, one node), on a database of its own; skipped without RL_TEST_POSTGRES.</summary>
public sealed class PostgresOutcomesWorld : OutcomesWorld
{
    private readonly PostgresDatabase database = new();
    private readonly string directory = Directory.CreateTempSubdirectory("rl-outcomes-").FullName;

    public override string? SkipReason =>
        Environment.GetEnvironmentVariable(PostgresDatabase.Variable) is { Length: > 0 } ? null : PostgresDatabase.SkipReason;

    protected override async Task<InProcessSilo> StartAsync(SiloOptions options)
    {
        await database.InitializeAsync();
        return await InProcessSilo.StartAsync(options with
        {
            DataDirectory = directory, Store = StoreKind.Postgres, PostgresConnectionString = database.ConnectionString,
        });
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
