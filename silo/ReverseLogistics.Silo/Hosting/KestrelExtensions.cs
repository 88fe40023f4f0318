using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ReverseLogistics.Silo.Observability;

namespace ReverseLogistics.Silo.Hosting;

public static class KestrelExtensions
{
    /// <summary>
    /// The gRPC endpoint: h2c with prior knowledge (what gRPC clients and nginx grpc_pass speak),
    /// or HTTP/2 over TLS negotiated by ALPN when a certificate is configured. With an admin
    /// port, also a plain HTTP/1.1 endpoint for Prometheus and load-balancer probes.
    /// </summary>
    public static IWebHostBuilder ConfigureSiloKestrel(this IWebHostBuilder webHost, SiloOptions options) =>
        webHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Streams idle for long stretches (watches, handheld sessions); data-rate floors would cut them.
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Listen(ParseAddress(options.Host), options.Port, listen =>
            {
                if (options.TlsCertificate is null)
                {
                    listen.Protocols = HttpProtocols.Http2;
                    return;
                }
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.UseHttps(LoadCertificate(options.TlsCertificate, options.TlsKey));
            });
            if (options.AdminPort is { } adminPort)
            {
                kestrel.Listen(ParseAddress(options.Host), adminPort, listen =>
                {
                    listen.Protocols = HttpProtocols.Http1;
                    kestrel.ApplicationServices.GetRequiredService<AdminListener>().Attach(listen);
                });
            }
        });

    public static IPAddress ParseAddress(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "0.0.0.0" => IPAddress.Any,
        "::" => IPAddress.IPv6Any,
        _ => IPAddress.TryParse(host, out var address)
            ? address
            : throw new ArgumentException($"--host must be an IP address, 'localhost' or '*', not '{host}'."),
    };

    private static X509Certificate2 LoadCertificate(string certificate, string? key)
    {
        if (!File.Exists(certificate)) throw new FileNotFoundException($"TLS certificate '{certificate}' does not exist.", certificate);
        return key is null
            ? X509CertificateLoader.LoadPkcs12FromFile(certificate, password: null)
            : X509Certificate2.CreateFromPemFile(certificate, key);
    }
}
