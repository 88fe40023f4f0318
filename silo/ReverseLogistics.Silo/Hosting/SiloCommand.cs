using System.CommandLine;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>The silo's command line.</summary>
public static class SiloCommand
{
    public static RootCommand Create()
    {
        var defaults = new SiloOptions();
        var host = new Option<string>("--host") { Description = "Address to listen on (0.0.0.0 for every interface)", DefaultValueFactory = _ => defaults.Host };
        var port = new Option<int>("--port") { Description = "Port to listen on", DefaultValueFactory = _ => defaults.Port };
        var dataDir = new Option<string>("--data-dir") { Description = "Directory for the embedded store's files", DefaultValueFactory = _ => defaults.DataDirectory };
        var tlsCert = new Option<string?>("--tls-cert") { Description = "Certificate (PEM or .pfx) to serve TLS with; h2c when absent" };
        var tlsKey = new Option<string?>("--tls-key") { Description = "Private key (PEM) for a PEM --tls-cert" };
        var store = new Option<StoreKind>("--store") { Description = "sqlite (embedded, default) or postgres (cluster mode)", DefaultValueFactory = _ => defaults.Store };
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string, with --store postgres" };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Also serve GET /metrics (Prometheus text) over HTTP/1.1 on this port; off when absent" };
        var conformance = new Option<bool>("--conformance") { Description = "Also serve the gRPC conformance test service" };

        var command = new RootCommand("Reverse-logistics platform: one silo node serving the gRPC API.")
        {
            host, port, dataDir, store, postgres, tlsCert, tlsKey, metricsPort, conformance,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(store) == StoreKind.Postgres && string.IsNullOrWhiteSpace(result.GetValue(postgres)))
                result.AddError("--store postgres needs --postgres \"<connection string>\".");
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new SiloOptions
            {
                Host = result.GetValue(host)!,
                Port = result.GetValue(port),
                DataDirectory = result.GetValue(dataDir)!,
                Store = result.GetValue(store),
                PostgresConnectionString = result.GetValue(postgres),
                OperatorKey = Environment.GetEnvironmentVariable("RL_OPERATOR_KEY") is { Length: > 0 } key ? key : null,
                TlsCertificate = result.GetValue(tlsCert),
                TlsKey = result.GetValue(tlsKey),
                MetricsPort = result.GetValue(metricsPort),
                Conformance = result.GetValue(conformance),
            };
            await using var app = SiloHost.Build(options);
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
