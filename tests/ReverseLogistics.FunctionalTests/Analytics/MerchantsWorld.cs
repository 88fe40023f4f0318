using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Analytics;

/// <summary>
/// A silo of its own on <paramref name="store"/> with two merchants (generous rate limits) and the platform's clock
/// starting at <paramref name="start"/>, moved by the subclass as it makes its history (<see cref="MakeHistoryAsync"/>).
/// </summary>
public abstract class MerchantsWorld(WorldStore store, string operatorKey, DateTimeOffset start) : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(start);

    public InProcessSilo Silo { get; private set; } = null!;
    public PlatformClient Client => Silo.Client;
    public CallOptions MerchantA { get; private set; }
    /// <summary>Merchant A's key itself, for clients that take a key rather than call options (rlctl).</summary>
    public string MerchantAKey { get; private set; } = "";
    public CallOptions MerchantB { get; private set; }
    public string TenantA { get; private set; } = "";
    public string TenantB { get; private set; } = "";
    public CallOptions Operator { get; } = As(operatorKey);

    /// <summary>Why the tests of this world do not run, or null.</summary>
    public string? SkipReason => store.SkipReason;

    protected abstract Task MakeHistoryAsync();

    public async Task InitializeAsync()
    {
        if (SkipReason is not null) return;
        Silo = await store.StartAsync(new SiloOptions { OperatorKey = operatorKey, Clock = Clock });
        var limit = new RateLimit { RequestsPerSecond = 10_000, Burst = 10_000 };
        (TenantA, MerchantAKey) = await NewMerchantAsync(Client, operatorKey, limit);
        MerchantA = As(MerchantAKey);
        (TenantB, var keyB) = await NewMerchantAsync(Client, operatorKey, limit);
        MerchantB = As(keyB);
        await MakeHistoryAsync();
    }

    public async Task DisposeAsync()
    {
        if (Silo is not null) await Silo.DisposeAsync();
        await store.DisposeAsync();
    }
}

/// <summary>Where a world's silo keeps its data.</summary>
public abstract class WorldStore : IAsyncDisposable
{
    public virtual string? SkipReason => null;

    public abstract Task<InProcessSilo> StartAsync(SiloOptions options);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>The embedded store, in a fresh data directory.</summary>
public sealed class EmbeddedWorldStore : WorldStore
{
    public override Task<InProcessSilo> StartAsync(SiloOptions options) => InProcessSilo.StartFreshAsync(options);
}

/// <summary>PostgreSQL (cluster mode, one node), on a database of its own; skipped without RL_TEST_POSTGRES.</summary>
public sealed class PostgresWorldStore : WorldStore
{
    private readonly PostgresDatabase database = new();
    private readonly string directory = Directory.CreateTempSubdirectory("rl-analytics-").FullName;

    public override string? SkipReason =>
        Environment.GetEnvironmentVariable(PostgresDatabase.Variable) is { Length: > 0 } ? null : PostgresDatabase.SkipReason;

    public override async Task<InProcessSilo> StartAsync(SiloOptions options)
    {
        await database.InitializeAsync();
        return await InProcessSilo.StartAsync(options with
        {
            DataDirectory = directory, Store = StoreKind.Postgres, PostgresConnectionString = database.ConnectionString,
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
