using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ReverseLogistics.Silo.Observability;

/// <summary>
/// The admin endpoint: plain HTTP/1.1 serving /metrics, /healthz and /readyz. The gRPC endpoint
/// speaks h2c with prior knowledge only, which Prometheus and load-balancer probes do not, so
/// they get a port of their own.
/// </summary>
public sealed class AdminListener
{
    private ListenOptions? _listen;

    /// <summary>Called while Kestrel is configured; Kestrel fills in the real port once bound.</summary>
    internal void Attach(ListenOptions listen) => _listen = listen;

    /// <summary>The bound port (the real one when 0 was asked for), once the server has started.</summary>
    public int Port => _listen?.IPEndPoint?.Port ?? throw new InvalidOperationException("The admin endpoint is not listening.");

    public bool Accepted(HttpContext http) => _listen is not null && http.Connection.LocalPort == Port;
}
