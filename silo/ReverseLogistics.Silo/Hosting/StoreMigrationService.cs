using Microsoft.Data.Sqlite;
using Npgsql;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>
/// Applies the store's migrations at start-up, before any other hosted service touches it. A PostgreSQL
/// server that does not answer yet (it may be starting beside this node) is retried with back-off for
/// <see cref="SiloOptions.StoreStartupTimeout"/>; what cannot work (a refused login, an unusable file)
/// stops the start at once with one line saying why.
/// </summary>
public sealed partial class StoreMigrationService(IActorStore store, SiloOptions options, TimeProvider time, ILogger<StoreMigrationService> logger)
    : IHostedService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var giveUpAt = time.GetUtcNow() + options.StoreStartupTimeout;
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await store.MigrateAsync(cancellationToken);
                LogMigrated(store.GetType().Name);
                return;
            }
            catch (NpgsqlException e) when (e.IsTransient && time.GetUtcNow() + delay < giveUpAt)
            {
                LogRetrying(Target(), e.Message, delay.TotalSeconds);
                await Task.Delay(delay, time, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
            catch (NpgsqlException e) when (e.IsTransient)
            {
                throw new StartupException(
                    $"PostgreSQL at {Target()} did not answer within {options.StoreStartupTimeout.TotalSeconds:0.##} s ({e.Message}); check --postgres and that the server runs.", e);
            }
            catch (NpgsqlException e)
            {
                throw new StartupException($"PostgreSQL at {Target()} refused the store: {e.Message}", e);
            }
            catch (SqliteException e)
            {
                throw new StartupException($"The SQLite store in '{Path.GetFullPath(options.DataDirectory)}' cannot be used: {e.Message}", e);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string Target()
    {
        var connection = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString);
        return $"{connection.Host}:{connection.Port}/{connection.Database}";
    }

    [LoggerMessage(LogLevel.Information, "Store {Store} is migrated")]
    private partial void LogMigrated(string store);

    [LoggerMessage(LogLevel.Warning, "PostgreSQL at {Target} does not answer yet ({Reason}); retrying in {DelaySeconds:0.##} s")]
    private partial void LogRetrying(string target, string reason, double delaySeconds);
}
