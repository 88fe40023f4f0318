using System.CommandLine;
using ReverseLogistics.Cli;
using ReverseLogistics.Cli.Settings;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>
/// rlctl run in process as its executable runs it, in an environment of its own: only the variables a test
/// gives, and a temporary directory as working and home directory (so the profile file is never the real one).
/// </summary>
public sealed class Rlctl : IDisposable
{
    public Rlctl() => Directory.CreateDirectory(Home);

    /// <summary>The working and home directory of every run; deleted with this instance.</summary>
    public string Home { get; } = Path.Combine(Path.GetTempPath(), "rlctl-test-" + Guid.NewGuid().ToString("N"));

    /// <summary>$RL_CONFIG, set for every run: a profile file in <see cref="Home"/>.</summary>
    public string ConfigPath => Path.Combine(Home, "rlctl.json");

    public Dictionary<string, string> Variables { get; } = [];

    public Task<Result> RunAsync(params string[] args) => RunUntilAsync(_ => false, args);

    /// <summary>Runs a command that goes on until stopped (a watch), stopping it (as Ctrl+C does) once its output satisfies <paramref name="enough"/>.</summary>
    public async Task<Result> RunUntilAsync(Func<string, bool> enough, params string[] args)
    {
        using var stop = new CancellationTokenSource();
        var output = new WatchedWriter(text => { if (enough(text)) stop.Cancel(); });
        var error = new StringWriter();
        var environment = CliEnvironment.Of(new Dictionary<string, string>(Variables) { ["RL_CONFIG"] = ConfigPath }, Home);
        var exitCode = await RlctlCommand.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }, environment, stop.Token);
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);

    /// <summary>Hands everything written so far to <paramref name="written"/> after each line.</summary>
    private sealed class WatchedWriter(Action<string> written) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            written(ToString());
        }
    }

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
