using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Health.V1;
using Microsoft.Extensions.Hosting;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ReverseLogistics.Grpc.Server.Health;

/// <summary>
/// The serving status of the server ("") and of each served service. Everything starts
/// SERVING and turns NOT_SERVING when the application begins to stop, so load balancers
/// drain the node before it goes away.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly ConcurrentDictionary<string, ServingStatus> _statuses = new();
    private readonly ConcurrentDictionary<Channel<ServingStatus>, string> _watchers = new();
    private readonly object _gate = new();

    public HealthStatusRegistry(ServedContract contract, IHostApplicationLifetime lifetime)
    {
        _statuses[""] = ServingStatus.Serving;
        foreach (var service in contract.Services) _statuses[service.FullName] = ServingStatus.Serving;
        lifetime.ApplicationStopping.Register(Shutdown);
    }

    /// <summary>The status of <paramref name="service"/>, or null when it is not known.</summary>
    public ServingStatus? Get(string service) => _statuses.TryGetValue(service, out var status) ? status : null;

    public void Set(string service, ServingStatus status)
    {
        lock (_gate)
        {
            _statuses[service] = status;
            foreach (var (watcher, watched) in _watchers)
            {
                if (watched == service) watcher.Writer.TryWrite(status);
            }
        }
    }

    /// <summary>The current status, then each change, until cancelled or the server stops.</summary>
    public async IAsyncEnumerable<ServingStatus> WatchAsync(string service,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Only the latest status matters to a watcher, so a slow one skips intermediate changes.
        var channel = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            channel.Writer.TryWrite(Get(service) ?? ServingStatus.ServiceUnknown);
            _watchers[channel] = service;
        }
        try
        {
            await foreach (var status in channel.Reader.ReadAllAsync(cancellationToken))
                yield return status;
        }
        finally
        {
            _watchers.TryRemove(channel, out _);
        }
    }

    private void Shutdown()
    {
        lock (_gate)
        {
            foreach (var service in _statuses.Keys) _statuses[service] = ServingStatus.NotServing;
            foreach (var watcher in _watchers.Keys)
            {
                watcher.Writer.TryWrite(ServingStatus.NotServing);
                watcher.Writer.TryComplete();
            }
        }
    }
}
