using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Interop;

/// <summary>
/// Runs the Node suite in tests/interop, where @grpc/grpc-js (a client nobody here wrote)
/// calls the same silo the C# tests use. network.test.js creates centres, so it gets a second silo of its own:
/// the shared silo's network stays empty and its returns keep going to the default centre.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class GrpcJsInteropTests(SiloFixture silo)
{
    [Fact]
    public async Task Grpc_js_suite_passes_against_the_silo()
    {
        var directory = RepositoryPaths.Interop;
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            var install = await ExternalProcess.RunAsync("npm", "ci --no-audit --no-fund", directory);
            Assert.True(install.ExitCode == 0, $"npm ci failed in {directory}:\n{install.Output}");
        }

        await using var networkSilo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = SiloFixture.OperatorKey });
        var run = await ExternalProcess.RunAsync("node", "--test", directory, new Dictionary<string, string>
        {
            ["RL_SILO_ADDRESS"] = silo.Address, ["RL_NETWORK_SILO_ADDRESS"] = networkSilo.Address, ["RL_OPERATOR_KEY"] = SiloFixture.OperatorKey,
        });

        Assert.True(run.ExitCode == 0, $"The grpc-js interop suite failed:\n{run.Output}");
        Assert.Contains("# fail 0", run.Output);
        Assert.Contains("# skipped 0", run.Output);
    }
}
