using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Grpc.Client;
using ReverseLogistics.Silo.Hosting;

namespace ReverseLogistics.Tests.Support;

/// <summary>A real silo on a free loopback port (real Kestrel, real HTTP/2), with the conformance service.</summary>
public sealed class SiloFixture : IAsyncLifetime
{
    private WebApplication? _app;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "rl-tests-" + Guid.NewGuid().ToString("N"));

    public const string OperatorKey = "rl-test-operator-key-4f1d2c";

    /// <summary>"127.0.0.1:port".</summary>
    public string Address { get; private set; } = "";
    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _app = SiloHost.Build(new SiloOptions { Host = "127.0.0.1", Port = 0, DataDirectory = _dataDirectory, Conformance = true, OperatorKey = OperatorKey });
        await _app.StartAsync();
        var bound = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Address = new Uri(bound).Authority;
        Channel = GrpcChannel.ForAddress(Address);
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SiloFixture>
{
    public const string Name = "silo";
}
