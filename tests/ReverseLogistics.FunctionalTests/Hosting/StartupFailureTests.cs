using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Hosting;

/// <summary>
/// The silo as a new operator meets it, started as its own process: a start that cannot work prints one
/// line on standard error naming the cause, exits non-zero, and leaves nothing written behind.
/// </summary>
public sealed class StartupFailureTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rl-startup-").FullName;

    private string DataDirectory => Path.Combine(_root, "data");

    private static Task<ExternalProcess.Result> RunSiloAsync(string arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        ExternalProcess.RunAsync("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "ReverseLogistics.Silo.dll")}\" {arguments}",
            AppContext.BaseDirectory, environment, TimeSpan.FromMinutes(2));

    private static string OneLine(ExternalProcess.Result result)
    {
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Assert.Single(lines);
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_and_nothing_is_written()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var port = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var result = await RunSiloAsync($"--port {port} --data-dir \"{DataDirectory}\"");

        Assert.Equal(StartupFailure.CannotStart, result.ExitCode);
        Assert.Equal($"error: Port {port} on 127.0.0.1 is already in use; choose another with --port.", OneLine(result));
        Assert.False(Directory.Exists(DataDirectory));
    }

    [Fact]
    public async Task An_out_of_range_port_is_one_line_without_a_stack_trace()
    {
        var result = await RunSiloAsync($"--port 99999 --data-dir \"{DataDirectory}\"");

        Assert.Equal(StartupFailure.InvalidSettings, result.ExitCode);
        Assert.Equal("error: --port (RL_PORT, Silo:Port): '99999' is not a port number from 0 to 65535.", OneLine(result));
        Assert.False(Directory.Exists(DataDirectory));
    }

    [Fact]
    public async Task A_data_directory_that_is_a_file_is_one_line()
    {
        var file = Path.Combine(_root, "not-a-directory");
        await File.WriteAllTextAsync(file, "x");

        var result = await RunSiloAsync($"--port 0 --data-dir \"{file}\"");

        Assert.Equal(StartupFailure.CannotStart, result.ExitCode);
        Assert.Equal($"error: The data directory '{file}' is a file; choose a directory with --data-dir.", OneLine(result));
    }

    [Fact]
    public async Task A_second_silo_on_a_data_directory_in_use_refuses_to_start()
    {
        await using var first = await InProcessSilo.StartAsync(new SiloOptions { DataDirectory = DataDirectory, OperatorKey = "k" });

        var result = await RunSiloAsync($"--port 0 --data-dir \"{DataDirectory}\"");

        Assert.Equal(StartupFailure.CannotStart, result.ExitCode);
        Assert.Equal($"error: Another silo is using the data directory '{DataDirectory}' (silo.lock is locked); stop it or choose another --data-dir.",
            OneLine(result));
    }

    [Fact]
    public async Task An_unreachable_postgres_is_retried_then_one_line()
    {
        var port = FreePorts.Next();

        var result = await RunSiloAsync($"--port 0 --data-dir \"{DataDirectory}\" --silo-port 0 --store postgres --store-startup-timeout 1.5",
            new Dictionary<string, string> { ["RL_POSTGRES"] = $"Host=127.0.0.1;Port={port};Username=rl;Database=rl", ["RL_POSTGRES_PASSWORD"] = "pw" });

        Assert.Equal(StartupFailure.CannotStart, result.ExitCode);
        Assert.StartsWith($"error: PostgreSQL at 127.0.0.1:{port}/rl did not answer within 1.5 s", OneLine(result));
        Assert.Contains($"PostgreSQL at 127.0.0.1:{port}/rl does not answer yet", result.Output);
        Assert.DoesNotContain("pw", result.Output);
    }

    [Fact]
    public async Task Json_logs_are_one_object_per_line()
    {
        var result = await RunSiloAsync($"--port 0 --data-dir \"{DataDirectory}\" --log-format json --silo-port 0 --store postgres --store-startup-timeout 0.5",
            new Dictionary<string, string> { ["RL_POSTGRES"] = $"Host=127.0.0.1;Port={FreePorts.Next()};Username=rl;Database=rl" });

        var logLines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith("error:")).ToList();
        Assert.NotEmpty(logLines);
        Assert.All(logLines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
        Assert.Contains(logLines, line => line.Contains("\"LogLevel\":\"Warning\"") && line.Contains("does not answer yet"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
