using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.Samples;

namespace ReverseLogistics.LoadGen;

/// <summary>Setting up a path failed in a way the platform did not answer with an error (a return routed elsewhere, say).</summary>
internal sealed class LoadSetupException(string message) : Exception(message);

/// <summary>
/// The command line every load command shares (create-returns, handheld, schedule-pickups, get-returns): the silo,
/// the operator key, and how the load runs. A command adds its own options and supplies the setup of its path.
/// </summary>
internal static class LoadCommand
{
    /// <param name="extraChecks">Problems with the command's own options, checked before anything is called.</param>
    /// <param name="setUp">Creates the run's tenant and whatever the path needs, once the silo answers SERVING.</param>
    public static Command Create<T>(string name, string description, IReadOnlyList<Option> extra,
        Func<ParseResult, IEnumerable<(bool Problem, string Message)>> extraChecks,
        Func<ParseResult, LoadSettings, TextWriter, CancellationToken, Task<ILoadPath<T>>> setUp)
    {
        var address = new Option<string>("--address")
        {
            Description = "The silo, host:port ($RL_ADDRESS)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RL_ADDRESS") is { Length: > 0 } found ? found : "127.0.0.1:7070",
        };
        var operatorKey = LoadGenCommand.OperatorKey();
        var concurrency = new Option<int>("--concurrency") { Description = "Workers, each with one operation in flight", DefaultValueFactory = _ => 64 };
        var duration = new Option<double>("--duration") { Description = "Seconds of measured load after the warm-up (unless --count)", DefaultValueFactory = _ => 20 };
        var count = new Option<int?>("--count") { Description = "Measured operations to make after the warm-up, instead of --duration" };
        var warmup = new Option<double>("--warmup") { Description = "Seconds of load before measuring", DefaultValueFactory = _ => 3 };
        var maxAttempts = new Option<int>("--max-attempts")
        {
            Description = "Attempts per call while the silo answers UNAVAILABLE (the SDK's retry; the same request id each time)",
            DefaultValueFactory = _ => 1,
        };
        var deadline = new Option<double>("--deadline") { Description = "Deadline of each call, seconds", DefaultValueFactory = _ => 30 };
        var pause = new Option<int>("--pause-after-failure")
        {
            Description = "Milliseconds a worker waits after a failed operation, so that a dead silo is not hammered in a tight loop",
            DefaultValueFactory = _ => 100,
        };
        var siloPid = new Option<int?>("--silo-pid") { Description = "PID of the silo (on this machine), to report its CPU time per operation" };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for the silo's health to answer SERVING first", DefaultValueFactory = _ => 60 };

        var command = new Command(name, description) { address, operatorKey, concurrency, duration, count, warmup, maxAttempts, deadline, pause, siloPid, wait };
        foreach (var option in extra) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            // Checked here rather than in a validator: a command's validators see unset options without their defaults.
            if (!LoadGenCommand.Valid(result, [
                    (result.GetValue(concurrency) < 1, "--concurrency must be at least 1"),
                    (result.GetValue(duration) <= 0, "--duration must be positive"),
                    (result.GetValue(count) is < 1, "--count must be at least 1"),
                    (result.GetValue(warmup) < 0, "--warmup must not be negative"),
                    (result.GetValue(maxAttempts) < 1, "--max-attempts must be at least 1"),
                    (result.GetValue(deadline) <= 0, "--deadline must be positive"),
                    (result.GetValue(pause) < 0, "--pause-after-failure must not be negative"),
                    .. extraChecks(result)]))
                return 2;
            if (LoadGenCommand.RequireOperatorKey(result, operatorKey) is not { } key) return 2;
            var settings = new LoadSettings(result.GetValue(address)!, key, result.GetValue(concurrency), result.GetValue(duration),
                result.GetValue(count), result.GetValue(warmup), result.GetValue(maxAttempts), TimeSpan.FromSeconds(result.GetValue(deadline)),
                TimeSpan.FromMilliseconds(result.GetValue(pause)), result.GetValue(siloPid));
            var error = result.InvocationConfiguration.Error;
            var (serving, answer) = await Serving.UntilAsync(settings.Address, result.GetValue(wait), cancellationToken);
            if (!serving)
            {
                await error.WriteLineAsync($"rl-loadgen: {settings.Address} is not serving: {answer}");
                return 1;
            }
            var output = result.InvocationConfiguration.Output;
            ILoadPath<T> path;
            try
            {
                path = await setUp(result, settings, output, cancellationToken);
            }
            catch (RpcException e)
            {
                // A wrong operator key, a silo that went away: one line, not a stack trace.
                await error.WriteLineAsync($"rl-loadgen: setting up {name} failed: {e.StatusCode}: {e.Status.Detail}");
                return 1;
            }
            catch (LoadSetupException e)
            {
                await error.WriteLineAsync($"rl-loadgen: setting up {name} failed: {e.Message}");
                return 1;
            }
            using (path)
                return await LoadRun.RunAsync(name, settings, path, output, cancellationToken);
        });
        return command;
    }
}
