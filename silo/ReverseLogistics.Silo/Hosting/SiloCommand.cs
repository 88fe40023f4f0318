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
        var conformance = new Option<bool>("--conformance") { Description = "Also serve the gRPC conformance test service" };

        var command = new RootCommand("Reverse-logistics platform: one silo node serving the gRPC API.")
        {
            host, port, dataDir, tlsCert, tlsKey, conformance,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new SiloOptions
            {
                Host = result.GetValue(host)!,
                Port = result.GetValue(port),
                DataDirectory = result.GetValue(dataDir)!,
                TlsCertificate = result.GetValue(tlsCert),
                TlsKey = result.GetValue(tlsKey),
                Conformance = result.GetValue(conformance),
            };
            await using var app = SiloHost.Build(options);
            await app.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
