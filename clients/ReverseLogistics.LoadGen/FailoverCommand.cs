using System.CommandLine;
using System.Diagnostics;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.Samples;

namespace ReverseLogistics.LoadGen;

/// <summary>
/// `failover`: CreateReturn traffic at low concurrency against the second of two silos of one cluster (one attempt per
/// call, a short deadline) while the first one dies: killed by this tool with SIGKILL (--kill-pid, --kill-after) or by
/// someone else. It records when calls started failing, how long until a call succeeded again and how many failed
/// meanwhile, then checks through the surviving silo that every acknowledged return exists and that no request id
/// produced two returns.
/// </summary>
public static class FailoverCommand
{
    public static Command Create()
    {
        var addresses = new Option<string>("--addresses")
        {
            Description = "Two silos of one cluster, host:port,host:port: the first is the one that dies, traffic goes to the second",
            Required = true,
        };
        var operatorKey = LoadGenCommand.OperatorKey();
        var concurrency = new Option<int>("--concurrency") { Description = "Workers, each with one call in flight", DefaultValueFactory = _ => 4 };
        var duration = new Option<double>("--duration") { Description = "Seconds of traffic in all", DefaultValueFactory = _ => 40 };
        var deadline = new Option<double>("--deadline") { Description = "Deadline of each call, seconds (one attempt per call)", DefaultValueFactory = _ => 2 };
        var killPid = new Option<int?>("--kill-pid") { Description = "PID of the first silo, which this tool kills with SIGKILL after --kill-after seconds" };
        var killAfter = new Option<double>("--kill-after") { Description = "Seconds of traffic before the kill", DefaultValueFactory = _ => 5 };
        var pause = new Option<int>("--pause-after-failure")
        {
            Description = "Milliseconds a worker waits after a failed call, so that a dead silo is not hammered in a tight loop",
            DefaultValueFactory = _ => 100,
        };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for both silos' health to answer SERVING first", DefaultValueFactory = _ => 60 };

        var command = new Command("failover", "What clients of one silo see while another silo of the cluster dies; then checks nothing was lost or duplicated")
        {
            addresses, operatorKey, concurrency, duration, deadline, killPid, killAfter, pause, wait,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var pair = result.GetValue(addresses)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // Checked here rather than in a validator: a command's validators see unset options without their defaults.
            if (!LoadGenCommand.Valid(result,
                    (pair.Length != 2, "--addresses takes exactly two silos: host:port,host:port"),
                    (result.GetValue(concurrency) < 1, "--concurrency must be at least 1"),
                    (result.GetValue(deadline) <= 0, "--deadline must be positive"),
                    (result.GetValue(killAfter) < 0, "--kill-after must not be negative"),
                    (result.GetValue(pause) < 0, "--pause-after-failure must not be negative"),
                    (result.GetValue(killPid) is not null && result.GetValue(duration) <= result.GetValue(killAfter),
                        "--duration must be longer than --kill-after")))
                return 2;
            if (LoadGenCommand.RequireOperatorKey(result, operatorKey) is not { } key) return 2;
            var settings = new Settings(pair[0], pair[1], key, result.GetValue(concurrency), result.GetValue(duration),
                TimeSpan.FromSeconds(result.GetValue(deadline)), result.GetValue(killPid), result.GetValue(killAfter),
                TimeSpan.FromMilliseconds(result.GetValue(pause)));
            foreach (var silo in pair)
            {
                var (serving, answer) = await Serving.UntilAsync(silo, result.GetValue(wait), cancellationToken);
                await result.InvocationConfiguration.Output.WriteLineAsync($"health of {silo}: {answer}");
                if (!serving) return 1;
            }
            try
            {
                return await RunAsync(settings, result.InvocationConfiguration.Output, cancellationToken);
            }
            catch (RpcException e)
            {
                // Setting up the tenant failed (a wrong operator key, a silo that went away): one line, not a stack trace.
                await result.InvocationConfiguration.Error.WriteLineAsync($"rl-loadgen: {e.StatusCode}: {e.Status.Detail}");
                return 1;
            }
        });
        return command;
    }

    private sealed record Settings(string Victim, string Survivor, string OperatorKey, int Concurrency, double Duration, TimeSpan Deadline,
        int? KillPid, double KillAfter, TimeSpan PauseAfterFailure);

    private static async Task<int> RunAsync(Settings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var tenant = await BenchTenant.CreateAsync(settings.Survivor, settings.OperatorKey, BenchTenant.NewId("lg-"), "rl-loadgen failover", cancellationToken);
        using var client = new PlatformClient(new PlatformClientOptions
        {
            Address = settings.Survivor, ApiKey = tenant.MerchantKey, MaxAttempts = 1, DefaultDeadline = settings.Deadline,
        });
        var calls = new Calls(client.Returns, settings.Deadline);
        output.WriteLine($"failover: traffic to {settings.Survivor} while {settings.Victim} dies; tenant {tenant.TenantId}, concurrency {settings.Concurrency}, " +
            $"{Figures.F(settings.Duration)} s, one attempt per call, deadline {Figures.F(settings.Deadline.TotalSeconds)} s, " +
            $"{settings.PauseAfterFailure.TotalMilliseconds} ms pause after a failure" +
            (settings.KillPid is { } p ? $", SIGKILL to PID {p} at {Figures.F(settings.KillAfter)} s" : ", waiting for someone to kill the first silo"));

        // One call per worker first, with a long deadline, so that a cold start (connections, JIT, first activations)
        // is not counted as a failure; these calls are checked at the end with the rest.
        var warmup = await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => calls.CreateReturnAsync(TimeSpan.FromSeconds(30))));
        output.WriteLine($"warm-up: {warmup.Count(c => c.Acknowledged)} acknowledged, {warmup.Count(c => !c.Acknowledged)} failed " +
            $"({Figures.ByStatus(warmup.Where(c => !c.Acknowledged))})");

        var runStart = Stopwatch.GetTimestamp();
        var stopAt = runStart + (long)(settings.Duration * Stopwatch.Frequency);
        long? killedAt = null;
        var killer = settings.KillPid is { } pid
            ? Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(settings.KillAfter), cancellationToken);
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: false); // SIGKILL on Linux
                killedAt = Stopwatch.GetTimestamp();
                var unixTime = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;
                output.WriteLine($"killed PID {pid} with SIGKILL at {Figures.F(Figures.Seconds(runStart, killedAt.Value), 3)} s (unix time {Figures.F(unixTime, 3)})");
            }, CancellationToken.None)
            : Task.CompletedTask;

        var perWorker = new List<CallRecord>[settings.Concurrency];
        var workers = Enumerable.Range(0, settings.Concurrency).Select(worker => Task.Run(async () =>
        {
            var records = perWorker[worker] = [];
            while (!cancellationToken.IsCancellationRequested && Stopwatch.GetTimestamp() < stopAt)
            {
                var record = await calls.CreateReturnAsync();
                records.Add(record);
                if (!record.Acknowledged) await Task.Delay(settings.PauseAfterFailure, CancellationToken.None);
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        try
        {
            await killer;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            output.WriteLine($"could not kill PID {settings.KillPid}: {e.Message}");
        }

        var all = perWorker.SelectMany(records => records).OrderBy(c => c.End).ToList();
        Report(output, all, runStart, killedAt, calls.FirstDetail);

        using var lister = new PlatformClient(new PlatformClientOptions { Address = settings.Survivor, ApiKey = tenant.MerchantKey });
        var check = await Check.RunAsync(lister.Returns, [.. warmup, .. all], output, tenant.TenantId);
        return check?.Ok == true ? 0 : 1;
    }

    private static void Report(TextWriter output, List<CallRecord> all, long runStart, long? killedAt, IReadOnlyDictionary<StatusCode, string> details)
    {
        string At(long timestamp) => $"{Figures.F(Figures.Seconds(runStart, timestamp), 3)} s";
        string Since(long from, long to) => $"{Figures.F(Figures.Seconds(from, to) * 1000, 0)} ms";

        var failed = all.Where(c => !c.Acknowledged).ToList();
        output.WriteLine($"calls: {all.Count(c => c.Acknowledged)} acknowledged, {failed.Count} failed ({Figures.ByStatus(failed)})");
        Figures.PrintDetails(output, failed, details);
        if (killedAt is { } kill)
        {
            var before = all.Where(c => c.End < kill).ToList();
            output.WriteLine($"before the kill: {before.Count(c => c.Acknowledged)} acknowledged, {before.Count(c => !c.Acknowledged)} failed");
        }

        var firstFailure = failed.Where(c => killedAt is null || c.End >= killedAt).Cast<CallRecord?>().FirstOrDefault();
        var reference = killedAt ?? firstFailure?.End;
        if (firstFailure is { } first)
        {
            output.WriteLine($"first failure: {first.Status} at {At(first.End)} (the call started at {At(first.Start)})" +
                (killedAt is { } k ? $", {Since(k, first.End)} after the kill" : ""));
            var recovery = all.Where(c => c.Acknowledged && c.End > first.End).Cast<CallRecord?>().FirstOrDefault();
            if (recovery is { } success)
            {
                output.WriteLine($"first success after it: at {At(success.End)}; from the {(killedAt is null ? "first failure" : "kill")} " +
                    $"{Since(reference!.Value, success.End)}, from the first failure {Since(first.End, success.End)}");
                var meanwhile = failed.Where(c => c.End >= first.End && c.End <= success.End).ToList();
                output.WriteLine($"failed meanwhile (first failure to that success): {meanwhile.Count} ({Figures.ByStatus(meanwhile)})");
            }
            else
            {
                output.WriteLine("first success after it: none before the run ended");
            }
            var last = failed[^1];
            var afterLast = all.Where(c => c.Acknowledged && c.Start >= last.End).Cast<CallRecord?>().FirstOrDefault();
            output.WriteLine($"last failure: {last.Status} at {At(last.End)}; failures lasted {Since(first.End, last.End)} from the first" +
                (afterLast is null ? "; no call succeeded after it" : $"; every call started after it succeeded"));
            var afterKill = failed.Where(c => killedAt is null || c.End >= killedAt).ToList();
            output.WriteLine($"failed after the {(killedAt is null ? "first failure" : "kill")}: {afterKill.Count} ({Figures.ByStatus(afterKill)})");
        }
        else
        {
            output.WriteLine(killedAt is null ? "no call failed: was the first silo killed?" : "no call failed after the kill");
        }

        if (reference is { } from)
        {
            // Calls slowed down rather than failed show here: the slowest successes around the event.
            var after = all.Where(c => c.Acknowledged && c.End >= from).ToList();
            if (after.Count > 0)
            {
                var slowest = after.MaxBy(c => c.End - c.Start);
                output.WriteLine($"first success after the {(killedAt is null ? "first failure" : "kill")}: {Since(from, after[0].End)} later; " +
                    $"slowest success ending after it: {Figures.F(Figures.Milliseconds(slowest), 0)} ms (started at {At(slowest.Start)})");
            }
            PrintTimeline(output, all, runStart, from);
        }
    }

    /// <summary>Calls ended per second, acknowledged/failed, from two seconds before the event to the end.</summary>
    private static void PrintTimeline(TextWriter output, List<CallRecord> all, long runStart, long from)
    {
        var firstSecond = Math.Max(0, (int)Figures.Seconds(runStart, from) - 2);
        var bySecond = all.GroupBy(c => (int)Figures.Seconds(runStart, c.End))
            .ToDictionary(g => g.Key, g => (Ok: g.Count(c => c.Acknowledged), Failed: g.Count(c => !c.Acknowledged)));
        var lastSecond = bySecond.Keys.Max();
        output.WriteLine("per second (second: acknowledged/failed):");
        var cells = Enumerable.Range(firstSecond, lastSecond - firstSecond + 1)
            .Select(s => bySecond.TryGetValue(s, out var n) ? $"{s,3}: {n.Ok}/{n.Failed}" : $"{s,3}: 0/0").ToList();
        foreach (var line in cells.Chunk(8))
            output.WriteLine("  " + string.Join("  ", line.Select(cell => cell.PadRight(12))).TrimEnd());
    }
}
