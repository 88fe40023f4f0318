using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Hosting;

/// <summary>A node stopped as a service manager stops it (SIGTERM) shuts down in order and says so with exit code 0.</summary>
public sealed class GracefulStopTests : IDisposable
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("rl-stop-").FullName;

    [Fact]
    public async Task Sigterm_stops_the_node_with_exit_code_zero()
    {
        await using var silo = await SiloProcess.StartAsync(dataDirectory, "rl-stop-test-operator-key");

        Assert.Equal(0, await silo.StopAsync());
    }

    public void Dispose() => Directory.Delete(dataDirectory, recursive: true);
}
