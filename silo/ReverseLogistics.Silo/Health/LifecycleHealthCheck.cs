using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReverseLogistics.Silo.Health;

/// <summary>Not ready once the node begins to stop, so load balancers drain it before it goes away.</summary>
public sealed class LifecycleHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public const string Name = "lifecycle";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("The node is shutting down.")
            : HealthCheckResult.Healthy());
}
