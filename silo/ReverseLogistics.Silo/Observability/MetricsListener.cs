using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ReverseLogistics.Silo.Observability;

/// <summary>
/// The separate HTTP/1.1 endpoint /metrics is served on. The gRPC endpoint speaks h2c with prior
/// knowledge only, which Prometheus (HTTP/1.1) cannot scrape, so metrics get their own port.
/// </summary>
public sealed class MetricsListener
{
    private ListenOptions? _listen;

    /// <summary>Called while Kestrel is configured; Kestrel fills in the real port once bound.</summary>
    internal void Attach(ListenOptions listen) => _listen = listen;

    /// <summary>The bound port (the real one when 0 was asked for), once the server has started.</summary>
    public int Port => _listen?.IPEndPoint?.Port ?? throw new InvalidOperationException("The metrics endpoint is not listening.");

    public bool Accepted(HttpContext http) => _listen is not null && http.Connection.LocalPort == Port;
}
