using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans;
using Orleans.Serialization;
using Orleans.TestingHost;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Storage;
using ReverseLogistics.Testing;

namespace ReverseLogistics.Grains.Tests;

/// <summary>
/// One silo on Orleans' in-process test cluster, shared by a collection of tests: the platform's grains wired
/// as the silo wires them (<see cref="OrleansExtensions.AddPlatformGrains"/>, <see cref="PlatformServiceExtensions.AddPlatformStorage"/>)
/// over the embedded SQLite store in a temporary directory, its business clock a fake one. Tests reach the grains
/// through the cluster's client, so every argument and result crosses the wire as between silos.
/// </summary>
public sealed class GrainCluster : IAsyncLifetime
{
    private readonly TemporaryDirectory directory = new();
    private InProcessTestCluster? cluster;

    /// <summary>The grains' clock: at <see cref="Samples.Now"/> until a test moves it (forward only, so build requests from its now).</summary>
    public FakeTimeProvider Clock { get; } = new(Samples.Now);

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's store of record, to read what a grain committed or to write behind its back.</summary>
    public IActorStore Store => Cluster.GetSiloServiceProvider().GetRequiredService<IActorStore>();

    private InProcessTestCluster Cluster => cluster ?? throw new InvalidOperationException("The cluster is not deployed.");

    public async Task InitializeAsync()
    {
        var options = new SiloOptions { DataDirectory = directory.Path, Clock = Clock };
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 1);
        builder.Options.ConfigureFileLogging = false;
        // The store before the silo, as in the node: its migrations run before the first grain activates.
        builder.ConfigureSiloHost((_, host) => host.Services
            .AddSingleton(options)
            .AddSingleton(new PlatformClock(options.Clock))
            .AddPlatformStorage(options));
        builder.ConfigureSilo((_, silo) => silo.AddPlatformGrains());
        builder.ConfigureClient(client => client.Services.AddSerializer(serializer => serializer.AddDomainValues()));
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null) await cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        directory.Dispose();
    }
}
