using System.Net;
using System.Net.Sockets;
using ReverseLogistics.Domain.Webhooks;
using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.Silo.Webhooks;

/// <summary>
/// The webhook client's connections: the host is resolved for every new connection and only the addresses webhooks
/// may reach are dialled, so a name that moves to a private address (DNS rebinding) is caught where it matters, at
/// connect time, not only when the endpoint was created.
/// </summary>
public static class WebhookConnections
{
    public static IServiceCollection AddWebhookClient(this IServiceCollection services, SiloOptions options)
    {
        services.AddHttpClient(WebhookPublisher.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan) // the publisher times each attempt
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false, // a redirect is an answer other than 2xx, hence a failure
                UseProxy = false,
                UseCookies = false,
                ConnectTimeout = options.WebhookTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, options.WebhooksAllowPrivate, cancellationToken),
            })
            .RemoveAllLoggers(); // a line per attempt at Information; the publisher logs failures itself
        return services;
    }

    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = allowPrivate ? addresses : [.. addresses.Where(a => WebhookAddresses.IsPublic(a.GetAddressBytes()))];
        if (allowed.Length == 0)
            throw new WebhookAddressException($"{endpoint.Host} resolves to no address webhooks may reach (loopback, private, link-local and unique-local are refused)");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
