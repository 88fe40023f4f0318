using System.Diagnostics;
using Grpc.Core;

namespace ReverseLogistics.LoadGen;

/// <summary>
/// Runs a path under load the same way for every command: --concurrency workers, each with one operation in flight,
/// for --warmup seconds and then --duration seconds (or until --count operations have started after the warm-up, or
/// nothing is left to do). Operations started during the warm-up are made and checked but left out of the figures.
/// Then the report: completed and failed operations, operations per second, latency percentiles, per RPC when an
/// operation makes more than one kind, the silo's CPU per operation, the path's check and a `summary:` line.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync<T>(string command, LoadSettings settings, ILoadPath<T> path, TextWriter output, CancellationToken cancellationToken)
    {
        var length = settings.Count is { } n ? $"{n} {path.Unit}s" : $"{Figures.F(settings.Duration)} s";
        output.WriteLine($"{command}: {settings.Address}, {path.Description}, concurrency {settings.Concurrency}, {length} " +
            $"after a {Figures.F(settings.Warmup)} s warm-up, max attempts {settings.MaxAttempts}, deadline {Figures.F(settings.Deadline.TotalSeconds)} s, " +
            $"{Environment.ProcessorCount} cores");

        var runStart = Stopwatch.GetTimestamp();
        var measureFrom = runStart + (long)(settings.Warmup * Stopwatch.Frequency);
        var stopAt = settings.Count is null ? measureFrom + (long)(settings.Duration * Stopwatch.Frequency) : long.MaxValue;
        long measuredStarted = 0;
        long ranOutAt = 0;
        // CPU used by the silo and by this process, at the start of the measured window and at its end.
        var cpuAtStart = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(settings.Warmup), CancellationToken.None);
            return Cpu(settings);
        }, CancellationToken.None);
        var perWorker = new List<Operation<T>>[settings.Concurrency];
        // Ctrl+C stops starting operations; those in flight finish, so the check still holds.
        var workers = Enumerable.Range(0, settings.Concurrency).Select(worker => Task.Run(async () =>
        {
            var operations = perWorker[worker] = [];
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= stopAt) break;
                if (settings.Count is { } limit && now >= measureFrom && Interlocked.Increment(ref measuredStarted) > limit) break;
                if (await path.RunOnceAsync(worker) is not { } operation)
                {
                    Interlocked.CompareExchange(ref ranOutAt, Stopwatch.GetTimestamp(), 0);
                    break;
                }
                operations.Add(operation);
                if (!operation.Acknowledged) await Task.Delay(settings.PauseAfterFailure, CancellationToken.None);
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        var cpuAtEnd = Cpu(settings);
        var cpuStart = await cpuAtStart;

        var all = perWorker.SelectMany(operations => operations).ToList();
        var measured = all.Where(o => o.Start >= measureFrom).ToList();
        var succeeded = measured.Where(o => o.Acknowledged).ToList();
        var failed = measured.Where(o => !o.Acknowledged).ToList();
        var window = measured.Count == 0 ? double.NaN : Figures.Seconds(measureFrom, measured.Max(o => o.End));
        var latencies = Ascending(succeeded);
        var perSecond = succeeded.Count / window;
        var warm = all.Where(o => o.Start < measureFrom).ToList();
        var unit = path.Unit;

        output.WriteLine($"measured: {succeeded.Count} completed, {failed.Count} failed, in {Figures.F(window, 2)} s");
        output.WriteLine($"failed by status code: {Figures.ByStatus(failed)}");
        Figures.PrintDetails(output, failed, path.FirstDetail);
        output.WriteLine($"{unit}s/s: {Figures.F(perSecond)}");
        output.WriteLine($"latency ms (completed {unit}s): {Percentiles(latencies)}");

        // Per RPC when operations make more than one kind: the calls of the operations measured, each kind alone.
        var byRpc = measured.SelectMany(o => o.Calls).GroupBy(c => c.Rpc).ToList();
        var rpcFields = "";
        if (byRpc.Count > 1)
        {
            output.WriteLine($"per RPC (the calls of the measured {unit}s):");
            foreach (var rpc in byRpc)
            {
                var ok = rpc.Where(c => c.Acknowledged).ToList();
                var rpcLatencies = Ascending(ok);
                output.WriteLine($"  {rpc.Key,-20} {ok.Count,7} acknowledged ({Figures.F(ok.Count / window)}/s), {rpc.Count() - ok.Count} failed; " +
                    $"latency ms {Percentiles(rpcLatencies)}");
                rpcFields += $" {rpc.Key}_per_s={Figures.F(ok.Count / window)} {rpc.Key}_p50_ms={Figures.F(Figures.Percentile(rpcLatencies, 50))}" +
                    $" {rpc.Key}_p95_ms={Figures.F(Figures.Percentile(rpcLatencies, 95))} {rpc.Key}_p99_ms={Figures.F(Figures.Percentile(rpcLatencies, 99))}";
            }
        }

        var siloCpu = cpuAtEnd.Silo - cpuStart.Silo;
        var selfCpu = cpuAtEnd.Self - cpuStart.Self;
        var siloCpuPerOperation = siloCpu is { } used && succeeded.Count > 0 ? used.TotalMilliseconds / succeeded.Count : double.NaN;
        output.WriteLine("cpu in the measured window: " +
            (siloCpu is { } silo
                ? $"silo {Figures.F(silo.TotalSeconds, 2)} s ({Figures.F(silo.TotalSeconds / window * 100, 0)}% of one core, {Figures.F(siloCpuPerOperation, 2)} ms per {unit}), "
                : "silo not measured (--silo-pid), ") +
            (selfCpu is { } self ? $"rl-loadgen {Figures.F(self.TotalSeconds, 2)} s ({Figures.F(self.TotalSeconds / window * 100, 0)}% of one core)" : ""));
        output.WriteLine($"warm-up (not in the figures above): {warm.Count(o => o.Acknowledged)} completed, {warm.Count(o => !o.Acknowledged)} failed " +
            $"({Figures.ByStatus(warm.Where(o => !o.Acknowledged))})");
        if (ranOutAt != 0)
            output.WriteLine($"NOTE: nothing was left to do {Figures.F(Figures.Seconds(measureFrom, ranOutAt), 1)} s into the measured window " +
                "(every pre-created return was used); the figures cover the shorter window. Pre-create more with --returns.");

        PathCheck check;
        try
        {
            check = await path.CheckAsync(all, output);
        }
        catch (RpcException e)
        {
            output.WriteLine($"check: FAILED: reading back what the run did failed: {e.StatusCode} ({e.Status.Detail})");
            check = new PathCheck(false, "");
        }

        // One line for scripts (clients/bench/paths-compare.sh reads it).
        output.WriteLine($"summary: ops_per_s={Figures.F(perSecond)} p50_ms={Figures.F(Figures.Percentile(latencies, 50))} " +
            $"p95_ms={Figures.F(Figures.Percentile(latencies, 95))} p99_ms={Figures.F(Figures.Percentile(latencies, 99))} " +
            $"silo_cpu_ms_per_op={Figures.F(siloCpuPerOperation, 2)} completed={succeeded.Count} failed={failed.Count} " +
            $"acknowledged={all.Count(o => o.Acknowledged)} ran_out={(ranOutAt != 0 ? "yes" : "no")} check={(check.Ok ? "ok" : "failed")}" +
            (check.SummaryFields.Length > 0 ? " " + check.SummaryFields : "") + rpcFields);
        return check.Ok ? 0 : 1;
    }

    private static (TimeSpan? Silo, TimeSpan? Self) Cpu(LoadSettings settings) =>
        (settings.SiloPid is { } pid ? ProcessCpu.Of(pid) : null, ProcessCpu.Of(Environment.ProcessId));

    private static List<double> Ascending<TTimed>(IEnumerable<TTimed> acknowledged) where TTimed : ITimed =>
        acknowledged.Select(t => Figures.Milliseconds(t)).Order().ToList();

    private static string Percentiles(IReadOnlyList<double> ascending) =>
        $"p50 {Figures.F(Figures.Percentile(ascending, 50))}  p95 {Figures.F(Figures.Percentile(ascending, 95))}" +
        $"  p99 {Figures.F(Figures.Percentile(ascending, 99))}  max {Figures.F(ascending.Count == 0 ? double.NaN : ascending[^1])}";
}
