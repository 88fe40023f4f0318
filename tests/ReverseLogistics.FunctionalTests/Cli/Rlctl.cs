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

    public async Task<Result> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = CliEnvironment.Of(new Dictionary<string, string>(Variables) { ["RL_CONFIG"] = ConfigPath }, Home);
        var exitCode = await RlctlCommand.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error }, environment);
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Home, recursive: true);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
