using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>Applies the store's migrations at start-up, before any other hosted service touches it.</summary>
public sealed class StoreMigrationService(IActorStore store, ILogger<StoreMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        logger.LogInformation("Store {Store} is migrated", store.GetType().Name);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
