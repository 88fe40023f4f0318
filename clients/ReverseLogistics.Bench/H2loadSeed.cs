using System.Buffers.Binary;
using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Grpc.Health.V1;
using ReverseLogistics.Client;
using ReverseLogistics.Testing.V1;
using ReverseLogistics.Samples;
using ReverseLogistics.V1;

namespace ReverseLogistics.Bench;

/// <summary>
/// `seed-h2load`: prepares a running silo for clients/bench/h2load-compare.sh. Through the public API
/// (operator key from RL_OPERATOR_KEY) it creates a tenant with the highest rate limit the platform allows, a merchant
/// key and one return, then writes the gRPC-framed request bodies h2load sends (health Check, GetReturn,
/// Echo) and the merchant key, and checks that each body, posted as h2load will post it, ends in grpc-status 0.
/// </summary>
public static class H2loadSeed
{
    public const string HealthPath = "/grpc.health.v1.Health/Check";
    public const string GetReturnPath = "/reverselogistics.v1.ReturnsService/GetReturn";
    public const string EchoPath = "/reverselogistics.testing.v1.ConformanceService/Echo";

    public static Command CreateCommand()
    {
        var silo = new Option<string>("--silo") { Description = "The silo's host:port (h2c)", Required = true };
        var echo = new Option<string>("--echo") { Description = "The echo server's host:port (h2c)", Required = true };
        var output = new Option<string>("--out") { Description = "Directory to write health.body, getreturn.body, echo.body and merchant.key into", Required = true };
        var command = new Command("seed-h2load", "Seeds a running silo (tenant, merchant key, one return) and writes the request bodies h2load-compare.sh sends")
        {
            silo, echo, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var operatorKey = Environment.GetEnvironmentVariable("RL_OPERATOR_KEY");
            if (string.IsNullOrEmpty(operatorKey))
            {
                Console.Error.WriteLine("seed-h2load: set RL_OPERATOR_KEY to the silo's operator key");
                return 2;
            }
            return await RunAsync(result.GetValue(silo)!, result.GetValue(echo)!, operatorKey, result.GetValue(output)!, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(string silo, string echo, string operatorKey, string outputDirectory, CancellationToken cancellationToken)
    {
        var tenant = await BenchTenant.CreateAsync(silo, operatorKey, "h2load-" + Guid.NewGuid().ToString("N")[..8], "h2load benchmark", cancellationToken);
        var tenantId = tenant.TenantId;
        using var asMerchant = new PlatformClient(new PlatformClientOptions { Address = silo, ApiKey = tenant.MerchantKey });
        var created = await asMerchant.Returns.CreateReturnAsync(SampleReturn.New("cust-1"), cancellationToken: cancellationToken);

        // The SDK first: the calls h2load will make, through the generated stubs.
        var fetched = await asMerchant.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, cancellationToken: cancellationToken);
        if (fetched.ReturnId != created.ReturnId) throw new InvalidOperationException($"GetReturn answered {fetched.ReturnId}, not {created.ReturnId}");
        var health = await asMerchant.Health.CheckAsync(new HealthCheckRequest(), cancellationToken: cancellationToken);
        if (health.Status != HealthCheckResponse.Types.ServingStatus.Serving) throw new InvalidOperationException($"health Check answered {health.Status}");

        Directory.CreateDirectory(outputDirectory);
        var bodies = new (string File, string Address, string Path, IMessage Request, string? Key)[]
        {
            ("health.body", silo, HealthPath, new HealthCheckRequest(), null),
            ("getreturn.body", silo, GetReturnPath, new GetReturnRequest { ReturnId = created.ReturnId }, tenant.MerchantKey),
            ("echo.body", echo, EchoPath, new EchoRequest { Message = "hello" }, null),
        };
        await File.WriteAllTextAsync(Path.Combine(outputDirectory, "merchant.key"), tenant.MerchantKey, cancellationToken);

        // Then the bodies themselves, posted as h2load posts them: h2load counts HTTP 200 as success, whatever grpc-status says.
        using var http = new HttpClient(new SocketsHttpHandler());
        var failed = 0;
        foreach (var (file, address, path, request, bearer) in bodies)
        {
            var framed = Frame(request);
            await File.WriteAllBytesAsync(Path.Combine(outputDirectory, file), framed, cancellationToken);
            var status = await PostAsync(http, $"http://{address}{path}", framed, bearer, cancellationToken);
            Console.WriteLine($"{file,-15} {framed.Length,4} bytes  {path}  grpc-status {status}");
            if (status != "0") failed++;
        }
        Console.WriteLine($"tenant {tenantId}, return {created.ReturnId}, bodies in {outputDirectory}");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>A gRPC length-prefixed message: flag 0 (uncompressed), big-endian length, the protobuf bytes.</summary>
    public static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var framed = new byte[5 + payload.Length];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1, 4), (uint)payload.Length);
        payload.CopyTo(framed, 5);
        return framed;
    }

    private static async Task<string> PostAsync(HttpClient http, string url, byte[] body, string? bearer, CancellationToken cancellationToken)
    {
        // HTTP/2 exactly: over http:// that is h2c with prior knowledge, as h2load speaks it.
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body), Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await http.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK) return $"none (HTTP {(int)response.StatusCode})";
        // A trailers-only response carries grpc-status among the headers.
        return response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.Single()
            : response.Headers.TryGetValues("grpc-status", out var header) ? header.Single()
            : "missing";
    }
}
