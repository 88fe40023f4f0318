using System.Threading.RateLimiting;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Server;
using ReverseLogistics.Silo.Security;
using Status = ReverseLogistics.Grpc.Status;

namespace ReverseLogistics.Silo.RateLimiting;

/// <summary>
/// Limits each merchant tenant's calls with a token bucket sized by the tenant's own rate
/// limit; beyond it calls fail RESOURCE_EXHAUSTED with a RetryInfo saying when to come back.
/// </summary>
public sealed class TenantRateLimitInterceptor(KeyRingCache keyRings) : IServerInterceptor, IDisposable
{
    // The partition key carries the limit itself, so a changed limit takes effect on the next call.
    private readonly PartitionedRateLimiter<(string TenantId, RateLimitSettings Limit)> _limiter =
        PartitionedRateLimiter.Create<(string TenantId, RateLimitSettings Limit), (string, RateLimitSettings)>(
            partition => RateLimitPartition.GetTokenBucketLimiter(partition, key => new TokenBucketRateLimiterOptions
            {
                TokenLimit = key.Item2.Burst,
                TokensPerPeriod = key.Item2.RequestsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));

    public async Task InterceptAsync(ServerCallContext context, Func<ServerCallContext, Task> next)
    {
        if (context.FindCaller() is { Role: ApiKeyRole.Merchant, TenantId: var tenantId })
        {
            var ring = await keyRings.GetAsync(tenantId, context.CancellationToken);
            using var lease = _limiter.AttemptAcquire((tenantId, ring.RateLimit));
            if (!lease.IsAcquired)
            {
                var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                throw new RpcException(new Status(StatusCode.ResourceExhausted,
                    $"Tenant '{tenantId}' is over its rate limit of {ring.RateLimit.RequestsPerSecond} requests per second.",
                    [new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryAfter) }]));
            }
        }
        await next(context);
    }

    public void Dispose() => _limiter.Dispose();
}
