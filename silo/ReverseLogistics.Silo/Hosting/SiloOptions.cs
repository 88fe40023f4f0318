using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>How a silo node is started (the command line, see <see cref="SiloCommand"/>).</summary>
public sealed record SiloOptions
{
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>0 picks a free port (tests read it back from the started app).</summary>
    public int Port { get; init; } = 7070;
    public string DataDirectory { get; init; } = "data";
    /// <summary>Embedded SQLite under <see cref="DataDirectory"/>, or PostgreSQL (cluster mode).</summary>
    public StoreKind Store { get; init; } = StoreKind.Sqlite;
    /// <summary>Npgsql connection string; required with <see cref="StoreKind.Postgres"/>.</summary>
    public string? PostgresConnectionString { get; init; }
    /// <summary>An operator key given by the environment (RL_OPERATOR_KEY) instead of a generated one.</summary>
    public string? OperatorKey { get; init; }
    /// <summary>PEM or PKCS#12 certificate; when set the silo serves TLS (HTTP/2 over ALPN) instead of h2c.</summary>
    public string? TlsCertificate { get; init; }
    /// <summary>PEM private key for a PEM certificate.</summary>
    public string? TlsKey { get; init; }
    /// <summary>The platform's clock (actors, timers, the scheduler). Tests move it; the command line never sets it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    /// <summary>
    /// Port for the HTTP/1.1 endpoint serving GET /metrics (Prometheus text), on <see cref="Host"/>;
    /// null serves none, 0 picks a free port.
    /// </summary>
    public int? MetricsPort { get; init; }
    /// <summary>What the handhelds of one fulfilment centre may call together (merchants have their own, per tenant).</summary>
    public RateLimitSettings HandheldRateLimit { get; init; } = new(200, 400);
    /// <summary>How often the health checks run; gRPC health answers from their latest results.</summary>
    public TimeSpan HealthCheckPeriod { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Also serve the conformance service the interop suites exercise the binding with.</summary>
    public bool Conformance { get; init; }
}
