using Microsoft.Extensions.Logging;
using Npgsql;

namespace ReverseLogistics.Storage.Postgres;

/// <summary>
/// Keeps one connection LISTENing on <see cref="ActorChangedNotification.Channel"/> and reports
/// other nodes' commits, reconnecting whenever the connection drops. Notifications sent while it
/// reconnects are lost; that costs only freshness, since a stale activation's next commit still
/// fails its version check.
/// </summary>
internal sealed class ActorChangedListener : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly string connectionString;
    private readonly string node;
    private readonly Action<ActorKey, long> changed;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task loop;

    public ActorChangedListener(string connectionString, string node, Action<ActorKey, long> changed, ILogger logger)
    {
        // Keepalives make WaitAsync notice a connection that died silently. No pooling: the
        // connection is ours alone for the store's lifetime.
        this.connectionString = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 10, Pooling = false }.ToString();
        this.node = node;
        this.changed = changed;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Completes when the first LISTEN is in place: every commit after that is heard.</summary>
    public Task Listening => listening.Task;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await loop;
        stopping.Dispose();
    }

    private async Task RunAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += OnNotification;
                await connection.OpenAsync(stopping.Token);
                await using (var listen = new NpgsqlCommand($"LISTEN {ActorChangedNotification.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping.Token);
                }
                listening.TrySetResult();
                logger.LogInformation("Listening for actor changes on {Channel}", ActorChangedNotification.Channel);
                while (true) await connection.WaitAsync(stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Actor change listener lost its connection; reconnecting in {Delay}", ReconnectDelay);
                try
                {
                    await Task.Delay(ReconnectDelay, stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs notification)
    {
        try
        {
            var change = ActorChangedNotification.FromJson(notification.Payload);
            if (change is null || change.Node == node) return;
            changed(new ActorKey(change.TenantId, change.ActorType, change.ActorId), change.Version);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Actor change notification {Payload} could not be handled", notification.Payload);
        }
    }
}
