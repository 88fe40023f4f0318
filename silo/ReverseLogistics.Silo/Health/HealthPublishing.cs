using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ReverseLogistics.Silo.Health;

/// <summary>
/// The gRPC health service answers from results the health-check publisher caches, so a Check costs
/// no I/O. This fills that cache once before the node listens (the periodic publisher's first round
/// comes later) and again, from the lifecycle check alone, the moment the node begins to stop.
/// Register it after the store and the scheduler, whose hosted services it checks.
/// </summary>
public sealed class HealthPublishing(
    HealthCheckService checks, IEnumerable<IHealthCheckPublisher> publishers, IHostApplicationLifetime lifetime) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PublishAsync(_ => true, cancellationToken);
        lifetime.ApplicationStopping.Register(() => _ = PublishAsync(r => r.Name == LifecycleHealthCheck.Name, CancellationToken.None));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PublishAsync(Func<HealthCheckRegistration, bool> predicate, CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(predicate, cancellationToken);
        foreach (var publisher in publishers) await publisher.PublishAsync(report, cancellationToken);
    }
}
