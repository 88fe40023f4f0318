using ReverseLogistics.Grains.Tenants;
using System.Threading.RateLimiting;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using ReverseLogistics.Domain.Tenants;
using Grpc.Core;
using ReverseLogistics.Silo.Errors;
using ReverseLogistics.Silo.Interceptors;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Security;

namespace ReverseLogistics.Silo.RateLimiting;

/// <summary>
/// Limits calls with token buckets: each merchant tenant by its own rate limit, and the handhelds
/// of each fulfilment centre together by the platform's handheld limit (so one device stuck in a
/// resend loop cannot starve the rest of the platform). Operator keys, the 3PL's own, are not
/// limited. Beyond the limit calls fail RESOURCE_EXHAUSTED with a RetryInfo saying when to come back.
/// </summary>
public sealed class RateLimitInterceptor(KeyRingCache keyRings, SiloOptions options) : CallInterceptor, IDisposable
{
    // The partition key carries the limit itself, so a changed limit takes effect on the next call.
    private readonly PartitionedRateLimiter<(string Partition, RateLimitSettings Limit)> _limiter =
        PartitionedRateLimiter.Create<(string Partition, RateLimitSettings Limit), (string, RateLimitSettings)>(
            partition => RateLimitPartition.GetTokenBucketLimiter(partition, key => new TokenBucketRateLimiterOptions
            {
                TokenLimit = key.Item2.Burst,
                TokensPerPeriod = key.Item2.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    protected override async Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        if (await BudgetOfAsync(context) is var (partition, limit, who))
        {
            using var lease = _limiter.AttemptAcquire((partition, limit));
            if (!lease.IsAcquired)
            {
                var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                throw RichStatus.Error(StatusCode.ResourceExhausted,
                    $"{who} is over its rate limit of {limit.RequestsPerSecond} requests per second.",
                    new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) });
            }
        }
        await next();
    }

    /// <summary>Whose bucket the call draws from, and its size; null for calls that are not limited.</summary>
    private async ValueTask<(string Partition, RateLimitSettings Limit, string Who)?> BudgetOfAsync(ServerCallContext context)
    {
        var caller = context.FindCaller();
        if (caller is { Role: ApiKeyRole.Merchant })
        {
            var ring = await keyRings.GetAsync(caller.TenantId, context.CancellationToken);
            return ($"tenant:{caller.TenantId}", ring.RateLimit, $"Tenant '{caller.TenantId}'");
        }
        if (caller is { Role: ApiKeyRole.Handheld, FulfillmentCenterId: { } centre })
            return ($"centre:{centre}", options.HandheldRateLimit, $"Fulfilment centre '{centre}' (its handhelds together)");
        return null;
    }

    public void Dispose() => _limiter.Dispose();
}
