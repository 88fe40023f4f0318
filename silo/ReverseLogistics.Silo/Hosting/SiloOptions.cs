using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>How a silo node is started: read by <see cref="SiloSettings"/> from appsettings.json, RL_* variables and flags.</summary>
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
    /// <summary>An operator key given by configuration (RL_OPERATOR_KEY) instead of a generated one.</summary>
    public string? OperatorKey { get; init; }
    /// <summary>PEM or PKCS#12 certificate; when set the silo serves TLS (HTTP/2 over ALPN) instead of h2c.</summary>
    public string? TlsCertificate { get; init; }
    /// <summary>PEM private key for a PEM certificate.</summary>
    public string? TlsKey { get; init; }
    /// <summary>The platform's clock (actors, timers, the scheduler). Tests move it; the command line never sets it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
    /// <summary>
    /// Port for the HTTP/1.1 admin endpoint (GET /metrics in Prometheus text, /healthz, /readyz), on
    /// <see cref="Host"/>; null serves none, 0 picks a free port.
    /// </summary>
    public int? AdminPort { get; init; }
    /// <summary>How this node joins the Orleans cluster.</summary>
    public ClusterSettings Cluster { get; init; } = new();
    /// <summary>Names this node in telemetry (service.instance.id); the machine name when not set.</summary>
    public string NodeName { get; init; } = Environment.MachineName;
    /// <summary>Where traces and metrics go besides the admin port's /metrics.</summary>
    public TelemetryOptions Telemetry { get; init; } = new();
    /// <summary>What the handhelds of one fulfilment centre may call together (merchants have their own, per tenant).</summary>
    public RateLimitSettings HandheldRateLimit { get; init; } = new(200, 400);
    /// <summary>How often the health checks run; gRPC health answers from their latest results.</summary>
    public TimeSpan HealthCheckPeriod { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Console logs as plain text or as one JSON object per line.</summary>
    public LogFormat LogFormat { get; init; } = LogFormat.Simple;
    /// <summary>How long start-up keeps retrying a store that does not answer yet (PostgreSQL starting up) before giving up.</summary>
    public TimeSpan StoreStartupTimeout { get; init; } = TimeSpan.FromSeconds(30);
    /// <summary>How long an idle WatchEvents stream waits before it sends a heartbeat.</summary>
    public TimeSpan EventHeartbeat { get; init; } = TimeSpan.FromSeconds(15);
    /// <summary>How often an idle WatchEvents stream looks for events committed through other nodes (its own node's wake it at once).</summary>
    public TimeSpan EventPollInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>Let webhook endpoints reach loopback, private, link-local and unique-local addresses (tests, private networks).</summary>
    public bool WebhooksAllowPrivate { get; init; }
    /// <summary>How long a webhook delivery waits for the receiver's answer before the attempt counts as failed.</summary>
    public TimeSpan WebhookTimeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>How often the webhook dispatcher looks for endpoints with something to deliver (real time).</summary>
    public TimeSpan WebhookPollInterval { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>How many webhook endpoints this node delivers to at once (each sends its events one after the other).</summary>
    public int WebhookParallelism { get; init; } = 100;
    /// <summary>Also serve the conformance service the interop suites exercise the binding with.</summary>
    public bool Conformance { get; init; }
}
