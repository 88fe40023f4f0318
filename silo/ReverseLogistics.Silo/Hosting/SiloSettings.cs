using System.Globalization;
using Npgsql;
using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>
/// Reads <see cref="SiloOptions"/> from configuration (appsettings.json, then RL_* environment variables,
/// then command-line flags, later ones winning) and refuses bad values with one line per problem.
/// </summary>
public static class SiloSettings
{
    public static readonly SiloSetting Host = new("Host", "RL_HOST", "--host", "Address to listen on (0.0.0.0 for every interface)");
    public static readonly SiloSetting Port = new("Port", "RL_PORT", "--port", "gRPC port");
    public static readonly SiloSetting DataDirectory = new("DataDirectory", "RL_DATA_DIR", "--data-dir", "Directory for the embedded store, the scheduler and operator.key");
    public static readonly SiloSetting Store = new("Store", "RL_STORE", "--store", "sqlite (embedded, default) or postgres (cluster mode)");
    public static readonly SiloSetting Postgres = new("Postgres", "RL_POSTGRES", "--postgres", "PostgreSQL connection string, with --store postgres (the password is better given by RL_POSTGRES_PASSWORD)");
    public static readonly SiloSetting StoreStartupTimeout = new("StoreStartupTimeout", "RL_STORE_STARTUP_TIMEOUT", "--store-startup-timeout", "Seconds start-up keeps retrying a PostgreSQL server that does not answer yet (default 30)");
    public static readonly SiloSetting PostgresPassword = new("PostgresPassword", "RL_POSTGRES_PASSWORD", null, "PostgreSQL password, added to the connection string");
    public static readonly SiloSetting OperatorKey = new("OperatorKey", "RL_OPERATOR_KEY", null, "The operator key, instead of one generated into operator.key");
    public static readonly SiloSetting TlsCertificate = new("TlsCertificate", "RL_TLS_CERT", "--tls-cert", "Certificate (PEM or .pfx) to serve TLS with; h2c when absent");
    public static readonly SiloSetting TlsKey = new("TlsKey", "RL_TLS_KEY", "--tls-key", "Private key (PEM) for a PEM certificate");
    public static readonly SiloSetting SiloPort = new("SiloPort", "RL_SILO_PORT", "--silo-port", "Orleans silo-to-silo port; 11111 in cluster mode, a free one embedded");
    public static readonly SiloSetting ClusterId = new("ClusterId", "RL_CLUSTER_ID", "--cluster-id", "Nodes with the same cluster id on one database form one cluster");
    public static readonly SiloSetting AdminPort = new("AdminPort", "RL_ADMIN_PORT", "--admin-port", "HTTP/1.1 port for /metrics, /healthz and /readyz; off when absent");
    public static readonly SiloSetting NodeName = new("NodeName", "RL_NODE_NAME", "--node-name", "This node's name in telemetry; the machine name by default");
    public static readonly SiloSetting OtlpEndpoint = new("OtlpEndpoint", "RL_OTLP_ENDPOINT", "--otlp-endpoint", "OTLP/gRPC collector for traces and metrics, e.g. http://127.0.0.1:4317");
    public static readonly SiloSetting LogFormat = new("LogFormat", "RL_LOG_FORMAT", "--log-format", "Console logs: simple (default) or json");
    public static readonly SiloSetting HandheldRateLimit = new("HandheldRateLimit", "RL_HANDHELD_RATE_LIMIT", "--handheld-rate-limit",
        "Calls per second the handhelds of one fulfilment centre may make together (default 200, bursts of twice as many)");
    public static readonly SiloSetting WebhooksAllowPrivate = new("WebhooksAllowPrivate", "RL_WEBHOOKS_ALLOW_PRIVATE", "--webhooks-allow-private",
        "Let webhook URLs reach loopback, private, link-local and unique-local addresses (default false)");
    public static readonly SiloSetting WebhookTimeout = new("WebhookTimeout", "RL_WEBHOOK_TIMEOUT", "--webhook-timeout",
        "Seconds a webhook delivery waits for the receiver's answer (default 10)");
    public static readonly SiloSetting WebhookParallelism = new("WebhookParallelism", "RL_WEBHOOK_PARALLELISM", "--webhook-parallelism",
        "Webhook endpoints this node delivers to at once (default 100)");
    public static readonly SiloSetting Conformance = new("Conformance", "RL_CONFORMANCE", "--conformance", "Also serve the gRPC conformance service the interop tests use");

    public static IReadOnlyList<SiloSetting> All { get; } =
        [Host, Port, DataDirectory, Store, Postgres, StoreStartupTimeout, PostgresPassword, OperatorKey, TlsCertificate, TlsKey, SiloPort, ClusterId, AdminPort, NodeName, OtlpEndpoint, LogFormat, HandheldRateLimit, WebhooksAllowPrivate, WebhookTimeout, WebhookParallelism, Conformance];

    /// <summary>The RL_* environment variables that are set, as configuration entries.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> FromEnvironment() => All
        .Select(setting => (setting, value: Environment.GetEnvironmentVariable(setting.Variable)))
        .Where(entry => !string.IsNullOrEmpty(entry.value))
        .Select(entry => KeyValuePair.Create(entry.setting.ConfigurationPath, entry.value));

    /// <summary>The options <paramref name="configuration"/> describes, or the problems with it.</summary>
    public static (SiloOptions? Options, IReadOnlyList<string> Problems) Read(IConfiguration configuration)
    {
        var problems = new List<string>();
        var defaults = new SiloOptions();
        string? Text(SiloSetting setting) => configuration[setting.ConfigurationPath] is { Length: > 0 } value ? value : null;

        void Refuse(SiloSetting setting, string text, string expected) => problems.Add($"{setting.Names}: '{text}' is not {expected}.");

        T Parse<T>(SiloSetting setting, T fallback, Func<string, T?> parse, string expected) where T : struct
        {
            if (Text(setting) is not { } text) return fallback;
            if (parse(text) is { } value) return value;
            Refuse(setting, text, expected);
            return fallback;
        }

        int? PortNumber(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535 ? port : null;
        int ParsePort(SiloSetting setting, int fallback) => Parse(setting, fallback, PortNumber, "a port number from 0 to 65535");
        int? ParseOptionalPort(SiloSetting setting) => Text(setting) is null ? null : ParsePort(setting, 0);

        Uri? ParseEndpoint(SiloSetting setting)
        {
            if (Text(setting) is not { } text) return null;
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return uri;
            Refuse(setting, text, "an http:// or https:// URL");
            return null;
        }

        var store = Parse(Store, defaults.Store, text => Enum.TryParse<StoreKind>(text, ignoreCase: true, out var kind) && Enum.IsDefined(kind) ? kind : null,
            "sqlite or postgres");
        var options = defaults with
        {
            Host = Text(Host) ?? defaults.Host,
            Port = ParsePort(Port, defaults.Port),
            DataDirectory = Text(DataDirectory) ?? defaults.DataDirectory,
            Store = store,
            PostgresConnectionString = ConnectionString(Text(Postgres), Text(PostgresPassword), problems),
            StoreStartupTimeout = TimeSpan.FromSeconds(Parse(StoreStartupTimeout, defaults.StoreStartupTimeout.TotalSeconds,
                text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 86_400 ? seconds : null,
                "a number of seconds from 0 to 86400")),
            OperatorKey = Text(OperatorKey),
            TlsCertificate = Text(TlsCertificate),
            TlsKey = Text(TlsKey),
            AdminPort = ParseOptionalPort(AdminPort),
            Cluster = defaults.Cluster with
            {
                SiloPort = ParseOptionalPort(SiloPort),
                ClusterId = Text(ClusterId) ?? defaults.Cluster.ClusterId,
            },
            NodeName = Text(NodeName) ?? defaults.NodeName,
            Telemetry = new TelemetryOptions { OtlpEndpoint = ParseEndpoint(OtlpEndpoint) },
            LogFormat = Parse(LogFormat, defaults.LogFormat, text => Enum.TryParse<LogFormat>(text, ignoreCase: true, out var format) && Enum.IsDefined(format) ? format : null,
                "simple or json"),
            HandheldRateLimit = WithBurst(Parse(HandheldRateLimit, defaults.HandheldRateLimit.RequestsPerSecond,
                text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var perSecond) && perSecond is >= 1 and <= 1_000_000 ? perSecond : null,
                "a number of calls per second from 1 to 1000000")),
            WebhooksAllowPrivate = Parse(WebhooksAllowPrivate, false, text => bool.TryParse(text, out var on) ? on : null, "true or false"),
            WebhookTimeout = TimeSpan.FromSeconds(Parse(WebhookTimeout, defaults.WebhookTimeout.TotalSeconds,
                text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 60 ? seconds : null,
                "a number of seconds from 1 to 60")),
            WebhookParallelism = Parse(WebhookParallelism, defaults.WebhookParallelism,
                text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var calls) && calls is >= 1 and <= 1000 ? calls : null,
                "a number of endpoints from 1 to 1000"),
            Conformance = Parse(Conformance, false, text => bool.TryParse(text, out var on) ? on : null, "true or false"),
        };

        if (!IPAddressOrName(options.Host)) problems.Add($"{Host.Names}: '{options.Host}' is not an IP address, 'localhost' or '*'.");
        if (options.Store == StoreKind.Postgres && options.PostgresConnectionString is null)
            problems.Add($"--store postgres needs a connection string: {Postgres.Names}.");
        if (options.TlsCertificate is { } certificate && !File.Exists(certificate))
            problems.Add($"{TlsCertificate.Names}: '{certificate}' does not exist.");
        if (options.TlsKey is { } key && !File.Exists(key)) problems.Add($"{TlsKey.Names}: '{key}' does not exist.");
        if (options.AdminPort is { } admin && admin != 0 && admin == options.Port)
            problems.Add($"{AdminPort.Names}: the admin port must differ from the gRPC port {options.Port}.");
        return problems.Count == 0 ? (options, problems) : (null, problems);
    }

    private static RateLimitSettings WithBurst(int perSecond) => new(perSecond, 2 * perSecond);

    private static bool IPAddressOrName(string host) =>
        host is "localhost" or "*" || System.Net.IPAddress.TryParse(host, out _);

    private static string? ConnectionString(string? connectionString, string? password, List<string> problems)
    {
        if (connectionString is null) return null;
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (password is not null) builder.Password = password;
            return builder.ConnectionString;
        }
        catch (ArgumentException e)
        {
            problems.Add($"{Postgres.Names}: not a valid connection string ({e.Message}).");
            return null;
        }
    }
}
