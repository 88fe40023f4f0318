using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Client;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Observability;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>A silo hosted in the test process: real Kestrel on a free loopback port, real HTTP/2.</summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private readonly WebApplication _app;
    private string? _ownedDirectory;

    private InProcessSilo(WebApplication app, string address, int? adminPort)
    {
        _app = app;
        Address = address;
        AdminPort = adminPort;
        Client = TestClient.For(address);
    }

    /// <summary>"127.0.0.1:port".</summary>
    public string Address { get; }
    /// <summary>The SDK, as the tests use it (see <see cref="TestClient"/>).</summary>
    public PlatformClient Client { get; }
    /// <summary>The HTTP/1.1 admin port (/metrics, /healthz, /readyz), when the options asked for one.</summary>
    public int? AdminPort { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a silo; <paramref name="options"/> gets loopback and a free port (and a free admin port if it asks for one, and a free silo port).</summary>
    public static async Task<InProcessSilo> StartAsync(SiloOptions options)
    {
        var app = SiloHost.Build(options with
        {
            Host = "127.0.0.1", Port = 0, AdminPort = options.AdminPort is null ? null : 0, Cluster = options.Cluster with { SiloPort = FreePorts.Next() },
        });
        await app.StartAsync();
        int? adminPort = options.AdminPort is null ? null : app.Services.GetRequiredService<AdminListener>().Port;
        var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses
            .Select(address => new Uri(address))
            .Single(address => address.Port != adminPort);
        return new InProcessSilo(app, bound.Authority, adminPort);
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
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownedDirectory is not null) Directory.Delete(_ownedDirectory, recursive: true);
    }
}
