using System.Net;
using System.Net.Sockets;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using ReverseLogistics.Grains;
using ReverseLogistics.Grains.Network;
using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Grains.Policies;
using ReverseLogistics.Grains.Routing;
using ReverseLogistics.Grains.Tenants;

namespace ReverseLogistics.Silo.Hosting;

public static class OrleansExtensions
{
    /// <summary>Connections the membership provider may hold; with the store's pool they must fit PostgreSQL's max_connections times the nodes.</summary>
    public const int MembershipPoolSize = 4;

    private const string ServiceId = "reverse-logistics";

    /// <summary>
    /// The Orleans silo in this node. Embedded: localhost clustering (a cluster of one, membership in
    /// memory). Cluster mode: membership in PostgreSQL (the tables come from the store's migrations),
    /// with failure detection tuned by <see cref="ClusterSettings"/>. No gateway: clients reach grains
    /// through this node's gRPC services, never as Orleans clients.
    /// </summary>
    public static ISiloBuilder ConfigurePlatformSilo(this ISiloBuilder silo, SiloOptions options)
    {
        var cluster = options.Cluster;
        var siloPort = cluster.SiloPortFor(options.Store) is var port and not 0 ? port : FreePort(options.Host);
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster.ClusterId, ServiceId));
        if (options.Store == StoreKind.Postgres)
        {
            silo.UseAdoNetClustering(adoNet =>
            {
                adoNet.Invariant = "Npgsql";
                adoNet.ConnectionString = new NpgsqlConnectionStringBuilder(options.PostgresConnectionString) { MaxPoolSize = MembershipPoolSize }.ConnectionString;
            });
            var address = KestrelExtensions.ParseAddress(options.Host);
            if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
                silo.ConfigureEndpoints(siloPort, gatewayPort: 0, listenOnAnyHostAddress: true);
            else
                silo.ConfigureEndpoints(address, siloPort, gatewayPort: 0);
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort: 0, clusterId: cluster.ClusterId, serviceId: ServiceId);
        }
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = cluster.ProbeTimeout;
            membership.NumMissedProbesLimit = cluster.MissedProbesLimit;
            membership.NumVotesForDeathDeclaration = cluster.VotesForDeath;
            // Dead silos' rows (every restart leaves one) are deleted a day after their last heartbeat.
            membership.DefunctSiloExpiration = TimeSpan.FromDays(1);
            membership.DefunctSiloCleanupPeriod = TimeSpan.FromHours(1);
        });
        return silo.AddPlatformGrains();
    }

    /// <summary>
    /// The platform's grains and what they run with, whatever the clustering: domain values serialized as JSON,
    /// the in-memory views the grains keep current (key rings, the network) with routing and pickup booking over
    /// them, tracing into grain calls, and the idle time after which an activation goes. The store of record and
    /// the <see cref="PlatformClock"/> come from the host. The grain tests' in-process cluster uses this too.
    /// </summary>
    public static ISiloBuilder AddPlatformGrains(this ISiloBuilder silo)
    {
        silo.Services.AddSerializer(serializer => serializer.AddDomainValues());
        silo.Services.AddSingleton<GrainActivity>();
        silo.Services.AddSingleton<KeyRingCache>();
        silo.Services.AddSingleton<NetworkSnapshot>();
        silo.Services.AddSingleton<IReturnRouter, NetworkReturnRouter>();
        silo.Services.AddSingleton<PickupBooker>();
        silo.Services.AddSingleton<SharedPolicies>();
        // The caller's trace continues into grain calls (and the store spans below them).
        silo.AddActivityPropagation();
        // The same idle time the actor runtime used: ten minutes without a call and an activation goes.
        silo.Configure<GrainCollectionOptions>(collection => collection.CollectionAge = TimeSpan.FromMinutes(10));
        return silo;
    }

    private static int FreePort(string host)
    {
        using var listener = new TcpListener(KestrelExtensions.ParseAddress(host), 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
