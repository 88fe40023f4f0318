using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Client;
using LegacyChannel = ReverseLogistics.Grpc.Client.GrpcChannel;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Observability;

namespace ReverseLogistics.Tests.Support;

/// <summary>A silo hosted in the test process: real Kestrel on a free loopback port, real HTTP/2.</summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lazy<LegacyChannel> _legacyChannel;
    private string? _ownedDirectory;

    private InProcessSilo(WebApplication app, string address, int? metricsPort)
    {
        _app = app;
        Address = address;
        MetricsPort = metricsPort;
        Client = TestClient.For(address);
        _legacyChannel = new(() => LegacyChannel.ForAddress(address));
    }

    /// <summary>"127.0.0.1:port".</summary>
    public string Address { get; }
    /// <summary>The SDK, as the tests use it (see <see cref="TestClient"/>).</summary>
    public PlatformClient Client { get; }
    /// <summary>
    /// The old hand-written client, only for the suites that still use it (Grpc/, Observability/);
    /// it goes with clients/ReverseLogistics.Grpc.Client when those are ported.
    /// </summary>
    public LegacyChannel Channel => _legacyChannel.Value;
    /// <summary>The HTTP/1.1 port serving /metrics, when the options asked for one.</summary>
    public int? MetricsPort { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a silo; <paramref name="options"/> gets loopback and a free port (and a free metrics port if it asks for one).</summary>
    public static async Task<InProcessSilo> StartAsync(SiloOptions options)
    {
        var app = SiloHost.Build(options with { Host = "127.0.0.1", Port = 0, MetricsPort = options.MetricsPort is null ? null : 0 });
        await app.StartAsync();
        int? metricsPort = options.MetricsPort is null ? null : app.Services.GetRequiredService<MetricsListener>().Port;
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(address => new Uri(address))
            .Single(address => address.Port != metricsPort);
        return new InProcessSilo(app, bound.Authority, metricsPort);
    }

    /// <summary>Starts a silo on a fresh temporary data directory, deleted when the silo is disposed.</summary>
    public static async Task<InProcessSilo> StartFreshAsync(SiloOptions options)
    {
        var directory = Directory.CreateTempSubdirectory("rl-silo-").FullName;
        try
        {
            var silo = await StartAsync(options with { DataDirectory = directory });
            silo._ownedDirectory = directory;
            return silo;
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_legacyChannel.IsValueCreated) _legacyChannel.Value.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedDirectory is not null) Directory.Delete(_ownedDirectory, recursive: true);
    }
}
