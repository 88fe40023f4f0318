using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Actors;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Postgres;
using ReverseLogistics.Storage.Sqlite;
using ReverseLogistics.Tests.Actors.Support;
using ReverseLogistics.Tests.Storage;

namespace ReverseLogistics.Tests.Actors;

/// <summary>
/// Two nodes, each with its own runtime and its own store instance on one database, hammer the
/// same actor: the version check lets exactly one activation commit each time, so every
/// acknowledged increment is counted exactly once.
/// </summary>
public sealed class RuntimeOnRealStoresTests : IClassFixture<PostgresDatabase>, IDisposable
{
    private const int IncrementsPerCaller = 25;
    private readonly PostgresDatabase _postgres;
    private readonly string _directory = Directory.CreateTempSubdirectory("rl-actors-").FullName;

    public RuntimeOnRealStoresTests(PostgresDatabase postgres) => _postgres = postgres;

    [Fact]
    public Task Two_nodes_on_one_sqlite_file_count_every_increment_once() =>
        TwoNodesAsync(() => new SqliteActorStore(_directory));

    [SkippableFact]
    public Task Two_nodes_on_one_postgres_database_count_every_increment_once()
    {
        Skip.If(_postgres.ConnectionString is null, PostgresDatabase.SkipReason);
        return TwoNodesAsync(() => new PostgresActorStore(_postgres.ConnectionString!));
    }

    private static async Task TwoNodesAsync(Func<IActorStore> openStore)
    {
        await using var storeA = openStore();
        await using var storeB = openStore();
        await storeA.MigrateAsync(CancellationToken.None);
        var log = new ListLogger<ActorRuntime>();
        await using var nodeA = Node(storeA, log);
        await using var nodeB = Node(storeB, log);

        var acknowledged = await Task.WhenAll(new[] { nodeA, nodeB }.SelectMany(node => Enumerable.Range(0, 4).Select(async _ =>
        {
            var done = 0;
            for (var i = 0; i < IncrementsPerCaller; i++)
            {
                await node.Get<CounterActor>("t1", "shared").AskAsync(counter => counter.IncrementAsync());
                done++;
            }
            return done;
        })));

        var key = new ActorKey("t1", CounterActor.TypeName, "shared");
        var stored = await storeA.ReadAsync(key, CancellationToken.None);
        var events = await storeA.ReadStreamAsync(key, 0, 1000, CancellationToken.None);
        var total = acknowledged.Sum();
        Assert.Contains($"\"count\":{total}", stored!.State.Replace(" ", ""));
        Assert.Equal(total, stored.Version);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Contains(log.Entries, e => e.Message.Contains("version conflict")); // the nodes really did collide
    }

    private static ActorRuntime Node(IActorStore store, ListLogger<ActorRuntime> log) => new(
        store,
        new ServiceCollection().AddSingleton(new TurnProbe()).BuildServiceProvider(),
        new ActorRuntimeOptions { IdleTimeout = Timeout.InfiniteTimeSpan, MaxConflictRetries = 100 },
        TimeProvider.System,
        log);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
