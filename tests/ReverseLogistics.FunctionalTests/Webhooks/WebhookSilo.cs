using Grpc.Core;
using Microsoft.Extensions.Time.Testing;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Webhooks;

/// <summary>
/// A silo for webhook tests: private addresses allowed (the receivers run on 127.0.0.1), a short delivery timeout,
/// a dispatcher that looks every 50 ms, and a platform clock the tests move to reach retries.
/// </summary>
public sealed class WebhookSilo : IAsyncLifetime
{
    public const string OperatorKey = "rl-webhooks-operator-key";
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
    public InProcessSilo Silo { get; private set; } = null!;
    public PlatformClient Client => Silo.Client;

    public static SiloOptions Options(FakeTimeProvider clock) => new()
    {
        OperatorKey = OperatorKey, Clock = clock, WebhooksAllowPrivate = true, WebhookTimeout = Timeout,
        WebhookPollInterval = TimeSpan.FromMilliseconds(50),
    };

    public async Task InitializeAsync() => Silo = await InProcessSilo.StartFreshAsync(Options(Clock));

    public Task DisposeAsync() => Silo.DisposeAsync().AsTask();

    /// <summary>A fresh merchant whose returns are approved at once (so each return records several events).</summary>
    public static async Task<CallOptions> MerchantAsync(PlatformClient client)
    {
        var (_, key) = await NewMerchantAsync(client, OperatorKey, new RateLimit { RequestsPerSecond = 10_000, Burst = 10_000 });
        var policy = await client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(key));
        policy.AutoApprove.MaxTotalValue = new Money { MinorUnits = 1000_00, CurrencyCode = "USD" };
        await client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy }, As(key));
        return As(key);
    }
}
