using System.CommandLine;
using ReverseLogistics.Storage.Postgres;
using ReverseLogistics.Storage.Sqlite;

namespace ReverseLogistics.Bench;

/// <summary>The benchmarks' command line.</summary>
public static class BenchCommand
{
    public static RootCommand Create()
    {
        var actors = new Option<int>("--actors") { Description = "Actors committing concurrently", DefaultValueFactory = _ => 200 };
        var commits = new Option<int>("--commits") { Description = "Commits per actor, each awaited before the next", DefaultValueFactory = _ => 50 };
        var dataDir = new Option<string?>("--data-dir") { Description = "Directory for the SQLite database; a temporary one, deleted afterwards, when absent" };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Connection string of a PostgreSQL database to measure too (its schema is migrated); default $RL_TEST_POSTGRES",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RL_TEST_POSTGRES"),
        };

        var store = new Command("store", "Durable commit throughput of the SQLite store and, given a database, the PostgreSQL store")
        {
            actors, commits, dataDir, postgres,
        };
        store.SetAction(async (result, cancellationToken) =>
        {
            var (actorCount, commitCount) = (result.GetValue(actors), result.GetValue(commits));
            var directory = result.GetValue(dataDir) ?? Directory.CreateTempSubdirectory("rl-bench-").FullName;
            try
            {
                await using var sqlite = new SqliteActorStore(directory);
                await StoreBenchmark.RunAsync("sqlite", sqlite, () => sqlite.TransactionsCommitted, actorCount, commitCount, cancellationToken);
            }
            finally
            {
                if (result.GetValue(dataDir) is null) Directory.Delete(directory, recursive: true);
            }

            if (result.GetValue(postgres) is { Length: > 0 } connectionString)
            {
                await using var postgresStore = new PostgresActorStore(connectionString);
                await StoreBenchmark.RunAsync("postgres", postgresStore, () => postgresStore.TransactionsCommitted, actorCount, commitCount, cancellationToken);
            }
            return 0;
        });

        var centers = new Option<int>("--centers") { Description = "Fulfilment centres in the random network", DefaultValueFactory = _ => 10_000 };
        var decisions = new Option<int>("--decisions") { Description = "Routing decisions timed per tenant", DefaultValueFactory = _ => 100_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the random network and returns", DefaultValueFactory = _ => 42 };
        var routing = new Command("routing", "Routing decisions per second over a random European network of centres") { centers, decisions, seed };
        routing.SetAction(result =>
        {
            RoutingBenchmark.Run(result.GetValue(centers), result.GetValue(decisions), result.GetValue(seed));
            return 0;
        });

        var pickups = new Option<int>("--pickups") { Description = "Pickups booked in windows whose cut-off has passed", DefaultValueFactory = _ => 100_000 };
        var carriers = new Option<int>("--carriers") { Description = "Carriers the pickups are spread over", DefaultValueFactory = _ => 50 };
        var windows = new Option<int>("--windows") { Description = "Windows per carrier", DefaultValueFactory = _ => 20 };
        var manifests = new Command("pickups", "The manifest sweep at a cut-off: booked pickups turned into manifests, on SQLite and, given a database, PostgreSQL")
        {
            pickups, carriers, windows, dataDir, postgres,
        };
        manifests.SetAction(async (result, cancellationToken) =>
        {
            var (pickupCount, carrierCount, windowCount) = (result.GetValue(pickups), result.GetValue(carriers), result.GetValue(windows));
            var directory = result.GetValue(dataDir) ?? Directory.CreateTempSubdirectory("rl-bench-").FullName;
            try
            {
                await using var sqlite = new SqliteActorStore(directory);
                await PickupsBenchmark.RunAsync("sqlite", sqlite, pickupCount, carrierCount, windowCount, cancellationToken);
            }
            finally
            {
                if (result.GetValue(dataDir) is null) Directory.Delete(directory, recursive: true);
            }

            if (result.GetValue(postgres) is { Length: > 0 } connectionString)
            {
                await using var postgresStore = new PostgresActorStore(connectionString);
                await PickupsBenchmark.RunAsync("postgres", postgresStore, pickupCount, carrierCount, windowCount, cancellationToken);
            }
            return 0;
        });

        var root = new RootCommand("Reverse-logistics benchmarks: figures are printed, never asserted.")
        {
            store, routing, manifests, AnalyticsBenchmark.CreateCommand(), H2loadSeed.CreateCommand(), ReturnSeeder.CreateCommand(), WatchEventsBenchmark.CreateCommand(), WebhookBenchmark.CreateCommand(),
        };
        foreach (var command in MemoryBench.CreateCommands()) root.Subcommands.Add(command);
        return root;
    }
}
