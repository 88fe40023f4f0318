using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.V1;
using Xunit.Abstractions;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Docs;

/// <summary>
/// The README's tour, read from README.md and run with bash as a reader runs it, against a silo of its own whose
/// data directory is the "checkout's" ./data (so rlctl finds data/operator.key there), with the rlctl built next to
/// the tests on PATH in place of the installed tool. The one thing told apart from a reader's terminal: RL_ADDRESS,
/// since this silo listens on a free port rather than 7070.
/// </summary>
public sealed class ReadmeTourTests(ITestOutputHelper log) : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("rl-readme-tour-").FullName;
    private InProcessSilo? _silo;

    private string Checkout => Path.Combine(_root, "checkout");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(Checkout, "data"));
        _silo = await InProcessSilo.StartAsync(new SiloOptions { DataDirectory = Path.Combine(Checkout, "data") });
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [SkippableFact]
    public async Task Every_command_of_the_readme_tour_succeeds_and_the_return_ends_refunded()
    {
        var missing = Missing("bash") ?? Missing("jq");
        Skip.If(missing is not null, $"The README's tour needs bash and jq; {missing} is not on PATH.");
        var tour = ReadmeTour.Read(Path.Combine(RepositoryPaths.Root, "README.md"));
        var calls = Path.Combine(_root, "rlctl-calls.tsv");
        var bin = RlctlOnPath(calls);
        var script = Path.Combine(_root, "tour.sh");
        await File.WriteAllTextAsync(script, Harness + tour.Script);

        var run = await ExternalProcess.RunAsync("bash", $"\"{script}\"", Checkout, new Dictionary<string, string>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["HOME"] = _root,
            ["RL_ADDRESS"] = _silo!.Address,
        });

        // Set-up the test does itself: installing rlctl (it is on PATH) and nothing else.
        Assert.Equal(
            ["dotnet pack clients/ReverseLogistics.Cli -o ./rlctl-packages",
             "dotnet tool install --global --add-source ./rlctl-packages ReverseLogistics.Cli"],
            tour.SetupBlocks.SelectMany(b => b.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var called = (File.Exists(calls) ? await File.ReadAllLinesAsync(calls) : []).Select(line => line.Split('\t', 3)).ToList();
        foreach (var call in called) log.WriteLine($"exit {call[0]} in {call[1]} ms: rlctl {call[2]}");
        Assert.True(run.ExitCode == 0, $"The README's tour failed (exit {run.ExitCode}):\n{run.Output}");
        // Every rlctl command of the tour ran, and each exited 0.
        Assert.Equal(tour.RlctlCalls, called.Count);
        Assert.True(tour.RlctlCalls >= 20, $"only {tour.RlctlCalls} rlctl commands found in the tour");
        Assert.All(called, call => Assert.Equal("0", call[0]));
        Assert.Contains("RETURN_STATUS_REFUNDED", run.Output.Split('\n').Select(line => line.Trim()));

        // The platform agrees: the merchant of the tour has one return, refunded with the tour's payment reference.
        var operatorKey = (await File.ReadAllTextAsync(Path.Combine(Checkout, "data", "operator.key"))).Trim();
        var key = await _silo.Client.Tenants.CreateApiKeyAsync(
            new CreateApiKeyRequest { RequestId = NewRequestId(), TenantId = "acme-outdoor", Role = Role.Merchant }, As(operatorKey));
        var only = Assert.Single((await _silo.Client.Returns.ListReturnsAsync(new ListReturnsRequest(), As(key.Secret))).Returns);
        Assert.Equal((ReturnStatus.Refunded, "pay-123", "FC-RNO-1"), (only.Status, only.PaymentReference, only.DestinationFulfillmentCenterId));
    }

    /// <summary>Stops at the first command that fails, naming it; nothing from the tester's own rlctl settings leaks in.</summary>
    private const string Harness = """
        set -euo pipefail
        shopt -s inherit_errexit
        trap 'echo "README tour: exit $? from: $BASH_COMMAND" >&2' ERR
        unset RL_KEY RL_PROFILE RL_OUTPUT RL_CONFIG RL_DEVICE XDG_CONFIG_HOME

        """;

    /// <summary>
    /// A directory holding `rlctl`: the one built with the tests (in its own project's output, whose dependencies are its
    /// own: the tests' directory holds newer ones), noting each call's exit code and time in <paramref name="calls"/>.
    /// </summary>
    private string RlctlOnPath(string calls)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        var rlctl = Path.Combine(bin, "rlctl");
        File.WriteAllText(rlctl, $$"""
            #!/usr/bin/env bash
            started=$(date +%s%N)
            dotnet '{{RlctlBuild}}' "$@"
            code=$?
            printf '%s\t%s\t%s\n' "$code" "$(( ($(date +%s%N) - started) / 1000000 ))" "$*" >> '{{calls}}'
            exit $code

            """);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(rlctl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    /// <summary>clients/ReverseLogistics.Cli/bin/CONFIGURATION/TFM/rlctl.dll, for the tests' own configuration and TFM.</summary>
    private static string RlctlBuild
    {
        get
        {
            var output = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory));
            return Path.Combine(RepositoryPaths.Root, "clients", "ReverseLogistics.Cli", "bin", output.Parent!.Name, output.Name, "rlctl.dll");
        }
    }

    private static string? Missing(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, program))) ? null : program;
}
