using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ReverseLogistics.Bench.Echo;

// A bare Grpc.AspNetCore echo server for h2load to compare the silo with.
//   ReverseLogistics.Bench.Echo [--port N]   (0, the default, picks a free port)
// Prints "listening 127.0.0.1:PORT" once bound.
var port = 0;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--port" && i + 1 < args.Length && int.TryParse(args[i + 1], out port) && port is >= 0 and <= 65535) { i++; continue; }
    Console.Error.WriteLine("usage: ReverseLogistics.Bench.Echo [--port N]   (0 picks a free port)");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
});
builder.Services.AddGrpc();

await using var app = builder.Build();
app.MapGrpcService<EchoService>();
await app.StartAsync();

var bound = app.Urls.Single();
Console.WriteLine($"listening {new Uri(bound).Authority}");
await app.WaitForShutdownAsync();
return 0;
