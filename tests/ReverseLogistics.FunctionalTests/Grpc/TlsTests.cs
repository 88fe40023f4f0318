using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Testing.V1;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Grpc;

/// <summary>With a certificate configured the silo serves gRPC over TLS (HTTP/2 by ALPN).</summary>
public sealed class TlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("rl-tls-").FullName;

    [Fact]
    public async Task Calls_succeed_over_tls_with_a_pem_certificate()
    {
        using var certificate = SelfSigned();
        var certPath = Path.Combine(_directory, "silo.crt");
        var keyPath = Path.Combine(_directory, "silo.key");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());

        await using var silo = await InProcessSilo.StartAsync(new SiloOptions
        {
            DataDirectory = _directory, Conformance = true, TlsCertificate = certPath, TlsKey = keyPath,
        });

        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        using var channel = GrpcChannel.ForAddress("https://" + silo.Address, new GrpcChannelOptions { HttpHandler = handler });

        var response = await new ConformanceService.ConformanceServiceClient(channel).EchoAsync(new EchoRequest { Message = "over tls" });

        Assert.Equal("over tls", response.Message);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
