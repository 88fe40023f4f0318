using System.Diagnostics;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Bench;

/// <summary>
/// N actors commit M times each, all at once, as actor turns would: each commit writes state,
/// one event and an idempotency record, and is awaited (durable) before that actor's next one.
/// </summary>
internal static class StoreBenchmark
{
    public static async Task RunAsync(
        string name, IActorStore store, Func<long> transactionsCommitted, int actors, int commitsPerActor, CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        var tenant = $"bench-{Guid.NewGuid():N}";
        var latencies = new double[actors * commitsPerActor];
        var transactionsBefore = transactionsCommitted();
        var stopwatch = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, actors).Select(actor =>
            RunActorAsync(store, new ActorKey(tenant, "bench", $"actor-{actor}"), commitsPerActor, latencies.AsMemory(actor * commitsPerActor, commitsPerActor), cancellationToken)));

        stopwatch.Stop();
        var commits = latencies.Length;
        var transactions = transactionsCommitted() - transactionsBefore;
        Array.Sort(latencies);
        Console.WriteLine(
            $"{name,-8} {actors} actors x {commitsPerActor} commits: {commits} commits in {stopwatch.Elapsed.TotalSeconds:F2} s" +
            $" = {commits / stopwatch.Elapsed.TotalSeconds:F0} commits/s, {(double)commits / transactions:F1} commits per transaction," +
            $" latency p50 {Percentiles.Of(latencies, 0.50):F1} ms, p99 {Percentiles.Of(latencies, 0.99):F1} ms");
    }

    private static async Task RunActorAsync(IActorStore store, ActorKey key, int commits, Memory<double> latencies, CancellationToken cancellationToken)
    {
        for (var version = 0; version < commits; version++)
        {
            var started = Stopwatch.GetTimestamp();
            var commit = new ActorCommit(key, version, version, $$"""{"version":{{version + 1}},"status":"in_transit"}""",
                [new NewEvent("Touched", $$"""{"n":{{version}}}""", "bench", DateTime.UtcNow)],
                new IdempotencyRecord(key.TenantId, $"{key.Id}-{version}", "Bench", "fingerprint", new byte[64], DateTime.UtcNow));
            var result = await store.CommitAsync(commit, cancellationToken);
            if (result.Outcome != CommitOutcome.Committed) throw new InvalidOperationException($"{key} commit {version + 1}: {result.Outcome}");
            latencies.Span[version] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }

}
