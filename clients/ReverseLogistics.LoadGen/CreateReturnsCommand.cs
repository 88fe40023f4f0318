using System.CommandLine;
using System.Diagnostics;
using Grpc.Core;
using System.Globalization;
using ReverseLogistics.Client;

namespace ReverseLogistics.LoadGen;

/// <summary>
/// `create-returns`: a fresh tenant and merchant key, then N workers each sending CreateReturn, one call after another,
/// every call with a new request id. Calls started during the warm-up are made (and checked) but not counted in the
/// figures. At the end ListReturns pages over the tenant: listed returns must match acknowledged ones.
/// </summary>
public static class CreateReturnsCommand
{
    public static Command Create()
    {
        var address = new Option<string>("--address")
        {
            Description = "The silo, host:port ($RL_ADDRESS)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RL_ADDRESS") is { Length: > 0 } found ? found : "127.0.0.1:7070",
        };
        var operatorKey = LoadGenCommand.OperatorKey();
        var concurrency = new Option<int>("--concurrency") { Description = "Workers, each with one call in flight", DefaultValueFactory = _ => 64 };
        var duration = new Option<double>("--duration") { Description = "Seconds of measured load after the warm-up (unless --count)", DefaultValueFactory = _ => 20 };
        var count = new Option<int?>("--count") { Description = "Measured calls to make after the warm-up, instead of --duration" };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of load before measuring", DefaultValueFactory = _ => 3 };
        var maxAttempts = new Option<int>("--max-attempts")
        {
            Description = "Attempts per call while the silo answers UNAVAILABLE (the SDK's retry; the same request id each time)",
            DefaultValueFactory = _ => 1,
        };
        var deadline = new Option<double>("--deadline") { Description = "Deadline of each call, seconds", DefaultValueFactory = _ => 30 };
        var pause = new Option<int>("--pause-after-failure")
        {
            Description = "Milliseconds a worker waits after a failed call, so that a dead silo is not hammered in a tight loop",
            DefaultValueFactory = _ => 100,
        };
        var siloPid = new Option<int?>("--silo-pid") { Description = "PID of the silo (on this machine), to report its CPU time per return" };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for the silo's health to answer SERVING first", DefaultValueFactory = _ => 60 };

        var command = new Command("create-returns", "Durable CreateReturn throughput and latency; then checks every acknowledged return exists once")
        {
            address, operatorKey, concurrency, duration, count, warmup, maxAttempts, deadline, pause, siloPid, wait,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            // Checked here rather than in a validator: a command's validators see unset options without their defaults.
            if (!LoadGenCommand.Valid(result,
                    (result.GetValue(concurrency) < 1, "--concurrency must be at least 1"),
                    (result.GetValue(duration) <= 0, "--duration must be positive"),
                    (result.GetValue(count) is < 1, "--count must be at least 1"),
                    (result.GetValue(warmup) < 0, "--warmup must not be negative"),
                    (result.GetValue(maxAttempts) < 1, "--max-attempts must be at least 1"),
                    (result.GetValue(deadline) <= 0, "--deadline must be positive"),
                    (result.GetValue(pause) < 0, "--pause-after-failure must not be negative")))
                return 2;
            if (LoadGenCommand.RequireOperatorKey(result, operatorKey) is not { } key) return 2;
            var settings = new Settings(result.GetValue(address)!, key, result.GetValue(concurrency), result.GetValue(duration),
                result.GetValue(count), result.GetValue(warmup), result.GetValue(maxAttempts), TimeSpan.FromSeconds(result.GetValue(deadline)),
                TimeSpan.FromMilliseconds(result.GetValue(pause)), result.GetValue(siloPid));
            var (serving, answer) = await LoadGenCommand.WaitServingAsync(settings.Address, result.GetValue(wait), cancellationToken);
            if (!serving)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync($"rl-loadgen: {settings.Address} is not serving: {answer}");
                return 1;
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

    private sealed record Settings(string Address, string OperatorKey, int Concurrency, double Duration, int? Count, double Warmup,
        int MaxAttempts, TimeSpan Deadline, TimeSpan PauseAfterFailure, int? SiloPid);

    private static async Task<int> RunAsync(Settings settings, TextWriter output, CancellationToken cancellationToken)
    {
        var tenant = await LoadTenant.CreateAsync(settings.Address, settings.OperatorKey, "create-returns", cancellationToken);
        using var client = new PlatformClient(new PlatformClientOptions
        {
            Address = settings.Address, ApiKey = tenant.MerchantKey, MaxAttempts = settings.MaxAttempts, DefaultDeadline = settings.Deadline,
        });
        var calls = new Calls(client.Returns, settings.Deadline);
        var length = settings.Count is { } n ? $"{n} calls" : $"{Figures.F(settings.Duration)} s";
        output.WriteLine($"create-returns: {settings.Address}, tenant {tenant.TenantId}, concurrency {settings.Concurrency}, {length} " +
            $"after a {Figures.F(settings.Warmup)} s warm-up, max attempts {settings.MaxAttempts}, deadline {Figures.F(settings.Deadline.TotalSeconds)} s, " +
            $"{Environment.ProcessorCount} cores");

        var runStart = Stopwatch.GetTimestamp();
        var measureFrom = runStart + (long)(settings.Warmup * Stopwatch.Frequency);
        var stopAt = settings.Count is null ? measureFrom + (long)(settings.Duration * Stopwatch.Frequency) : long.MaxValue;
        long measuredStarted = 0;
        // CPU used by the silo and by this process, at the start of the measured window and at its end.
        var cpuAtStart = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(settings.Warmup), CancellationToken.None);
            return (Silo: settings.SiloPid is { } pid ? ProcessCpu.Of(pid) : null, Self: ProcessCpu.Of(Environment.ProcessId));
        }, CancellationToken.None);
        var perWorker = new List<CallRecord>[settings.Concurrency];
        // Ctrl+C stops starting calls; the calls in flight finish, so the check still holds.
        var workers = Enumerable.Range(0, settings.Concurrency).Select(worker => Task.Run(async () =>
        {
            var records = perWorker[worker] = [];
            while (!cancellationToken.IsCancellationRequested)
            {
                var now = Stopwatch.GetTimestamp();
                if (now >= stopAt) break;
                if (settings.Count is { } limit && now >= measureFrom && Interlocked.Increment(ref measuredStarted) > limit) break;
                var record = await calls.CreateReturnAsync();
                records.Add(record);
                if (!record.Acknowledged) await Task.Delay(settings.PauseAfterFailure, CancellationToken.None);
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        var cpuAtEnd = (Silo: settings.SiloPid is { } siloPid ? ProcessCpu.Of(siloPid) : null, Self: ProcessCpu.Of(Environment.ProcessId));
        var cpuStart = await cpuAtStart;

        var all = perWorker.SelectMany(records => records).ToList();
        var measured = all.Where(c => c.Start >= measureFrom).ToList();
        var succeeded = measured.Where(c => c.Acknowledged).ToList();
        var failed = measured.Where(c => !c.Acknowledged).ToList();
        var window = measured.Count == 0 ? double.NaN : Figures.Seconds(measureFrom, measured.Max(c => c.End));
        var latencies = succeeded.Select(Figures.Milliseconds).Order().ToList();
        var returnsPerSecond = succeeded.Count / window;
        var warm = all.Where(c => c.Start < measureFrom).ToList();

        output.WriteLine($"measured: {succeeded.Count} completed, {failed.Count} failed, in {Figures.F(window, 2)} s");
        output.WriteLine($"failed by status code: {Figures.ByStatus(failed)}");
        Figures.PrintDetails(output, failed, calls.FirstDetail);
        output.WriteLine($"returns/s: {Figures.F(returnsPerSecond)}");
        output.WriteLine($"latency ms (completed calls): p50 {Figures.F(Figures.Percentile(latencies, 50))}  p95 {Figures.F(Figures.Percentile(latencies, 95))}" +
            $"  p99 {Figures.F(Figures.Percentile(latencies, 99))}  max {Figures.F(latencies.Count == 0 ? double.NaN : latencies[^1])}");
        var siloCpu = cpuAtEnd.Silo - cpuStart.Silo;
        var selfCpu = cpuAtEnd.Self - cpuStart.Self;
        var siloCpuPerReturn = siloCpu is { } used && succeeded.Count > 0 ? used.TotalMilliseconds / succeeded.Count : double.NaN;
        output.WriteLine("cpu in the measured window: " +
            (siloCpu is { } silo
                ? $"silo {Figures.F(silo.TotalSeconds, 2)} s ({Figures.F(silo.TotalSeconds / window * 100, 0)}% of one core, {Figures.F(siloCpuPerReturn, 2)} ms per return), "
                : "silo not measured (--silo-pid), ") +
            (selfCpu is { } self ? $"rl-loadgen {Figures.F(self.TotalSeconds, 2)} s ({Figures.F(self.TotalSeconds / window * 100, 0)}% of one core)" : ""));
        output.WriteLine($"warm-up (not in the figures above): {warm.Count(c => c.Acknowledged)} completed, {warm.Count(c => !c.Acknowledged)} failed " +
            $"({Figures.ByStatus(warm.Where(c => !c.Acknowledged))})");

        using var lister = new PlatformClient(new PlatformClientOptions { Address = settings.Address, ApiKey = tenant.MerchantKey });
        var check = await Check.RunAsync(lister.Returns, all, output, tenant.TenantId);

        // One line for scripts (clients/bench/createreturn-compare.sh reads it).
        output.WriteLine($"summary: returns_per_s={Figures.F(returnsPerSecond)} p50_ms={Figures.F(Figures.Percentile(latencies, 50))} " +
            $"p95_ms={Figures.F(Figures.Percentile(latencies, 95))} p99_ms={Figures.F(Figures.Percentile(latencies, 99))} silo_cpu_ms_per_return={Figures.F(siloCpuPerReturn, 2)} " +
            $"completed={succeeded.Count} failed={failed.Count} check={(check?.Ok == true ? "ok" : "failed")} listed={check?.Listed.ToString(CultureInfo.InvariantCulture) ?? "-"} " +
            $"acknowledged={all.Count(c => c.Acknowledged)}");
        return check?.Ok == true ? 0 : 1;
    }
}
