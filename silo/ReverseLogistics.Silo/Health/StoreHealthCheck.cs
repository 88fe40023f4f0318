using Microsoft.Extensions.Diagnostics.HealthChecks;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Health;

/// <summary>Ready only while the store of record answers: without it no call can read or commit.</summary>
public sealed class StoreHealthCheck(IActorStore store) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await store.PingAsync(timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The store does not answer: {e.Message}", e);
        }
    }
}
