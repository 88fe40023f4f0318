using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Analytics;

/// <summary>
/// A silo of its own with a small, known history, made through the public API with the platform's clock moved from
/// day to day (the figures the tests expect are worked out by hand from this list):
/// <code>
/// merchant A  2026-01-30  R1 SKU-1 apparel 2 wrong_size
///                         R2 SKU-2 shoes 1 defective + SKU-1 apparel 1 changed_mind
///             2026-01-31  R3 SKU-1 apparel 1 wrong_size
///             2026-02-01  R4 SKU-3 apparel 3 not_as_described
///                         R5 SKU-1 apparel 1 wrong_size, cancelled on 2026-03-02 (so it counts for nothing)
///             2026-02-15  R6 SKU-2 shoes 2 wrong_size
///             2026-03-01  R7 SKU-1 apparel 1 wrong_item
///   sold      2026-01-30 SKU-1 10, SKU-2 20; 2026-01-31 SKU-1 10; 2026-02-01 SKU-1 30 (first reported as 25), SKU-3 10;
///             2026-02-15 SKU-2 40; 2026-03-01 SKU-1 20
/// merchant B  2026-01-30  SKU-1 apparel 5 defective; sold SKU-1 100
/// </code>
/// </summary>
public abstract class AnalyticsWorld : IAsyncLifetime
{
    public const string OperatorKey = "rl-analytics-operator-key";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 1, 30, 9, 0, 0, TimeSpan.Zero));

    public InProcessSilo Silo { get; private set; } = null!;
    public PlatformClient Client => Silo.Client;
    public CallOptions MerchantA { get; private set; }
    public CallOptions MerchantB { get; private set; }
    public string TenantB { get; private set; } = "";
    public CallOptions Operator { get; } = As(OperatorKey);

    /// <summary>Why the tests of this world do not run, or null.</summary>
    public virtual string? SkipReason => null;

    protected abstract Task<InProcessSilo> StartAsync(SiloOptions options);

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        Silo = await StartAsync(new SiloOptions { OperatorKey = OperatorKey, Clock = clock });
        var limit = new RateLimit { RequestsPerSecond = 10_000, Burst = 10_000 };
        MerchantA = As((await NewMerchantAsync(Client, OperatorKey, limit)).MerchantKey);
        (TenantB, var keyB) = await NewMerchantAsync(Client, OperatorKey, limit);
        MerchantB = As(keyB);

        await CreateAsync(MerchantA, ("SKU-1", "apparel", 2, "wrong_size"));
        await CreateAsync(MerchantA, ("SKU-2", "shoes", 1, "defective"), ("SKU-1", "apparel", 1, "changed_mind"));
        await CreateAsync(MerchantB, ("SKU-1", "apparel", 5, "defective"));
        ToDay(new DateOnly(2026, 1, 31));
        await CreateAsync(MerchantA, ("SKU-1", "apparel", 1, "wrong_size"));
        ToDay(new DateOnly(2026, 2, 1));
        await CreateAsync(MerchantA, ("SKU-3", "apparel", 3, "not_as_described"));
        var r5 = await CreateAsync(MerchantA, ("SKU-1", "apparel", 1, "wrong_size"));
        ToDay(new DateOnly(2026, 2, 15));
        await CreateAsync(MerchantA, ("SKU-2", "shoes", 2, "wrong_size"));
        ToDay(new DateOnly(2026, 3, 1));
        await CreateAsync(MerchantA, ("SKU-1", "apparel", 1, "wrong_item"));
        ToDay(new DateOnly(2026, 3, 2));
        await Client.Returns.CancelReturnAsync(new CancelReturnRequest { RequestId = NewRequestId(), ReturnId = r5, Reason = "kept it" }, MerchantA);

        await SellAsync(MerchantA, "2026-01-30", ("SKU-1", "apparel", 10), ("SKU-2", "shoes", 20));
        await SellAsync(MerchantA, "2026-01-31", ("SKU-1", "apparel", 10));
        await SellAsync(MerchantA, "2026-02-01", ("SKU-1", "apparel", 25), ("SKU-3", "apparel", 10));
        await SellAsync(MerchantA, "2026-02-01", ("SKU-1", "apparel", 30));
        await SellAsync(MerchantA, "2026-02-15", ("SKU-2", "shoes", 40));
        await SellAsync(MerchantA, "2026-03-01", ("SKU-1", "apparel", 20));
        await SellAsync(MerchantB, "2026-01-30", ("SKU-1", "apparel", 100));
    }

    public virtual async Task DisposeAsync()
    {
        if (Silo is not null) await Silo.DisposeAsync();
    }

    private void ToDay(DateOnly day) => clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));

    private async Task<string> CreateAsync(CallOptions merchant, params (string Sku, string Category, int Quantity, string Reason)[] lines)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = Support.Returns.NewReturn(customer: "cust-" + Guid.NewGuid().ToString("N")[..8], lines: [.. lines.Select(l => new ReturnLineInput
        {
            OrderReference = "SO-1", Sku = l.Sku, Category = l.Category, Quantity = l.Quantity, PurchasedQuantity = l.Quantity,
            UnitPrice = new Money { MinorUnits = 10_00, CurrencyCode = "USD" }, ReasonCode = l.Reason,
            PurchasedAt = Timestamp.FromDateTime(now.AddDays(-5)), DeliveredAt = Timestamp.FromDateTime(now.AddDays(-3)),
        })]);
        return (await Client.Returns.CreateReturnAsync(request, merchant)).ReturnId;
    }

    private async Task SellAsync(CallOptions merchant, string day, params (string Sku, string Category, long Units)[] sales) =>
        await Client.Sales.ReportSalesAsync(new ReportSalesRequest
        {
            RequestId = NewRequestId(), Day = day,
            Sales = { sales.Select(s => new SkuSales { Sku = s.Sku, Category = s.Category, UnitsSold = s.Units }) },
        }, merchant);
}

/// <summary>The world on the embedded store.</summary>
public sealed class EmbeddedAnalyticsWorld : AnalyticsWorld
{
    protected override Task<InProcessSilo> StartAsync(SiloOptions options) => InProcessSilo.StartFreshAsync(options);
}

/// <summary>The world on PostgreSQL (cluster mode, one node), on a database of its own; skipped without RL_TEST_POSTGRES.</summary>
public sealed class PostgresAnalyticsWorld : AnalyticsWorld
{
    private readonly PostgresSilo postgres = new();

    public override string? SkipReason => PostgresSilo.SkipReason;

    protected override Task<InProcessSilo> StartAsync(SiloOptions options) => postgres.StartAsync(options);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await postgres.DisposeAsync();
    }
}
