using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using ReverseLogistics.Storage.Postgres;
using ReverseLogistics.Storage.Sql;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Cluster;

/// <summary>
/// Orleans' ADO.NET clustering provider, the real one, on the membership schema that the store's
/// PostgreSQL migration 0005 creates: silos join, see each other Active, a client finds them
/// through the gateway query, and the housekeeping queries remove what they should.
/// Each test migrates a fresh database and stops every host it started.
/// </summary>
public sealed class OrleansMembershipTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const string Invariant = "Npgsql";
    private const int Active = (int)SiloStatus.Active;
    private const int Dead = (int)SiloStatus.Dead;

    private readonly CancellationTokenSource timeout = new(TimeSpan.FromMinutes(2));
    private readonly List<IHost> hosts = [];

    private CancellationToken Ct => timeout.Token;

    [SkippableFact]
    public async Task Two_silos_join_one_cluster_and_both_are_active()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        var database = await MigratedDatabaseAsync();
        var clusterId = NewClusterId();
        var started = DateTime.UtcNow;

        var a = await StartSiloAsync(database, clusterId, "a");
        var b = await StartSiloAsync(database, clusterId, "b");
        var expected = new[] { AddressOf(a), AddressOf(b) }.OrderBy(address => address.ToString()).ToArray();

        // A learns of B by gossip or by its next table read: wait, bounded, until A's view has both.
        var management = a.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        SiloAddress[] seenByA = [];
        var bothActive = await Eventually.HoldsAsync(async () =>
        {
            seenByA = (await management.GetHosts(onlyActive: true)).Keys.OrderBy(address => address.ToString()).ToArray();
            return seenByA.SequenceEqual(expected);
        });
        Assert.True(bothActive, $"silo A sees {string.Join(", ", seenByA.AsEnumerable())} active, not {string.Join(", ", expected.AsEnumerable())}");

        var rows = await MembershipRowsAsync(database, clusterId);
        Assert.Equal(
            expected.Select(address => (address.Endpoint.Port, address.Generation, Active)).OrderBy(row => row.Item1),
            rows.Select(row => (row.Port, row.Generation, row.Status)).OrderBy(row => row.Port));
        // The rows hold true instants: start and heartbeat between this test's start and now.
        var now = DateTime.UtcNow;
        Assert.All(rows, row =>
        {
            Assert.InRange(row.StartTime, started.AddSeconds(-1), now);
            Assert.InRange(row.IAmAliveTime, row.StartTime, now);
        });
    }

    [SkippableFact]
    public async Task A_client_finds_the_silo_through_the_gateway_query_and_cleanup_removes_only_defunct_rows()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        var database = await MigratedDatabaseAsync();
        var clusterId = NewClusterId();
        var silo = await StartSiloAsync(database, clusterId, "a");
        var table = silo.Services.GetRequiredService<IMembershipTable>();

        var client = await StartClientAsync(database, clusterId);
        var hostsSeenByClient = await client.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal([AddressOf(silo)], hostsSeenByClient.Keys);

        // An active silo's row is never defunct, however old the cutoff makes its heartbeat look.
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(1), Ct);
        Assert.Equal([Active], (await MembershipRowsAsync(database, clusterId)).Select(row => row.Status));

        await StopAsync(client);
        await StopAsync(silo);
        Assert.Equal([Dead], (await MembershipRowsAsync(database, clusterId)).Select(row => row.Status));

        // A dead silo's row is kept until its last heartbeat is older than the cutoff.
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1), Ct);
        Assert.Single(await MembershipRowsAsync(database, clusterId));
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(1), Ct);
        Assert.Empty(await MembershipRowsAsync(database, clusterId));
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = @cluster", clusterId));

        await table.DeleteMembershipTableEntriesAsync(clusterId, Ct);
        Assert.Equal(0L, await ScalarAsync(database, "SELECT count(*) FROM OrleansMembershipVersionTable WHERE DeploymentId = @cluster", clusterId));
    }

    [SkippableFact]
    public async Task Migrating_again_changes_nothing()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        var database = await postgres.CreateDatabaseAsync();
        await using var store = new PostgresActorStore(database);

        await store.MigrateAsync(Ct);
        await store.MigrateAsync(Ct);

        Assert.Equal((long)Migration.For("Postgres").Count, await ScalarAsync(database, "SELECT count(*) FROM schema_migrations"));
        Assert.Equal(9L, await ScalarAsync(database, "SELECT count(*) FROM OrleansQuery"));
    }

    /// <summary>
    /// The provider refuses to start unless every key its DbStoredQueries exposes has a row, and it
    /// runs nothing else. Fails when an Orleans upgrade adds a required key: write a migration for it.
    /// </summary>
    [SkippableFact]
    public async Task The_query_rows_are_exactly_the_keys_the_clustering_provider_requires()
    {
        Skip.If(postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        var database = await MigratedDatabaseAsync();
        var storedQueries = typeof(AdoNetClusteringTable).Assembly.GetType("Orleans.Clustering.AdoNet.Storage.DbStoredQueries")
            ?? throw new InvalidOperationException("Orleans.Clustering.AdoNet has no DbStoredQueries any more: check how it finds its queries.");
        var required = storedQueries.GetProperties(BindingFlags.Instance | BindingFlags.NonPublic).Select(property => property.Name).Order(StringComparer.Ordinal);

        var rows = new List<string>();
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync(Ct);
            await using var command = new NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey COLLATE \"C\"", connection);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct)) rows.Add(reader.GetString(0));
        }

        Assert.Equal(required, rows);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(hosts)) await StopAsync(host);
        timeout.Dispose();
    }

    private async Task<string> MigratedDatabaseAsync()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var store = new PostgresActorStore(database);
        await store.MigrateAsync(Ct);
        return database;
    }

    // Orleans' pool is its own: kept small, as the store's and other nodes' pools share
    // max_connections. Its sessions run in a zone other than UTC, so that a time the provider
    // wrote as local time would show up shifted in the rows.
    private static string OrleansConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 10, Timezone = "America/New_York" }.ToString();

    private static string NewClusterId() => $"rl-test-{Guid.NewGuid():N}";

    private async Task<IHost> StartSiloAsync(string database, string clusterId, string name)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleans(silo => silo
            .UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = OrleansConnectionString(database);
            })
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = "reverse-logistics-tests";
            })
            .Configure<SiloOptions>(options => options.SiloName = name)
            .Configure<ClusterMembershipOptions>(options =>
            {
                // The failover settings the spike measured, so nothing here waits on the defaults.
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 2;
                options.NumVotesForDeathDeclaration = 1;
                options.TableRefreshTimeout = TimeSpan.FromSeconds(5);
                options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            })
            .ConfigureEndpoints(IPAddress.Loopback, FreePorts.Next(), FreePorts.Next(), listenOnAnyHostAddress: false));
        return await StartAsync(builder.Build());
    }

    private async Task<IHost> StartClientAsync(string database, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseAdoNetClustering(options =>
            {
                options.Invariant = Invariant;
                options.ConnectionString = OrleansConnectionString(database);
            })
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = "reverse-logistics-tests";
            }));
        return await StartAsync(builder.Build());
    }

    private async Task<IHost> StartAsync(IHost host)
    {
        hosts.Add(host);
        await host.StartAsync(Ct);
        return host;
    }

    /// <summary>Stops (gracefully, bounded) and disposes; a host already stopped is left alone.</summary>
    private async Task StopAsync(IHost host)
    {
        if (!hosts.Remove(host)) return;
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await host.StopAsync(bound.Token);
        }
        finally
        {
            host.Dispose();
        }
    }

    private static SiloAddress AddressOf(IHost silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    private async Task<List<MembershipRow>> MembershipRowsAsync(string database, string clusterId)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            "SELECT Port, Generation, Status, StartTime, IAmAliveTime FROM OrleansMembershipTable WHERE DeploymentId = @cluster", connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<MembershipRow>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(new MembershipRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetDateTime(3), reader.GetDateTime(4)));
        }
        return rows;
    }

    private sealed record MembershipRow(int Port, int Generation, int Status, DateTime StartTime, DateTime IAmAliveTime);

    private async Task<long> ScalarAsync(string database, string sql, string? cluster = null)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        if (cluster is not null) command.Parameters.AddWithValue("cluster", cluster);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
