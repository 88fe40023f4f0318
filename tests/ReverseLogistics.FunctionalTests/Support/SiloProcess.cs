using System.Diagnostics;
using System.Text.RegularExpressions;
using Grpc.Health.V1;
using ReverseLogistics.Client;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>A silo running as its own OS process, so a test can kill it with SIGKILL and start it again.</summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly string _operatorKey;
    private readonly string? _postgres;
    private readonly string? _clusterId;
    private readonly IReadOnlyDictionary<string, string>? _settings;

    private SiloProcess(Process process, string address, string dataDirectory, string operatorKey, string? postgres, int siloPort, string? clusterId,
        IReadOnlyDictionary<string, string>? settings)
    {
        _process = process;
        Address = address;
        Client = TestClient.For(address);
        _dataDirectory = dataDirectory;
        _operatorKey = operatorKey;
        _postgres = postgres;
        SiloPort = siloPort;
        _clusterId = clusterId;
        _settings = settings;
    }

    public string Address { get; }
    public PlatformClient Client { get; }
    /// <summary>The Orleans silo-to-silo port it was started with; 0 when it picked a free one itself.</summary>
    public int SiloPort { get; }

    /// <summary>
    /// Starts the silo built next to the tests and waits until it reports SERVING. With <paramref name="postgres"/>
    /// it runs in cluster mode: nodes on one database with the same <paramref name="clusterId"/> form one Orleans
    /// cluster, each on its own <paramref name="siloPort"/> (take one from <see cref="FreePorts.Next"/>).
    /// <paramref name="settings"/> are further RL_* variables.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(string dataDirectory, string operatorKey, string? postgres = null,
        int siloPort = 0, string? clusterId = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var silo = Path.Combine(AppContext.BaseDirectory, "ReverseLogistics.Silo.dll");
        var arguments = $"\"{silo}\" --host 127.0.0.1 --port 0 --silo-port {siloPort} --data-dir \"{dataDirectory}\"";
        if (postgres is not null) arguments += " --store postgres";
        if (clusterId is not null) arguments += $" --cluster-id {clusterId}";
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Secrets by environment, as an operator gives them: never on the command line.
        start.Environment["RL_OPERATOR_KEY"] = operatorKey;
        if (postgres is not null) start.Environment["RL_POSTGRES"] = postgres;
        foreach (var (name, value) in settings ?? new Dictionary<string, string>()) start.Environment[name] = value;

        var process = Process.Start(start)!;
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (ListeningOn().Match(e.Data) is { Success: true } match) listening.TrySetResult(match.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"The silo exited early:\n{output}"));
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A guard against a silo that never comes up, not a claim about how fast it starts.
        var address = await listening.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var started = new SiloProcess(process, address, dataDirectory, operatorKey, postgres, siloPort, clusterId, settings);
        await started.WaitUntilServingAsync();
        return started;
    }

    /// <summary>Two nodes started at once (the first to get there migrates the database, the other waits); neither is left running if one fails.</summary>
    public static async Task<(SiloProcess, SiloProcess)> StartTogetherAsync(Task<SiloProcess> first, Task<SiloProcess> second)
    {
        try
        {
            await Task.WhenAll(first, second);
        }
        catch
        {
            foreach (var started in new[] { first, second }.Where(t => t.IsCompletedSuccessfully)) await started.Result.DisposeAsync();
            throw;
        }
        return (first.Result, second.Result);
    }

    /// <summary>
    /// A new process with this one's settings (data directory, store, silo port, cluster id, variables), as an operator's
    /// restart would be: for after <see cref="KillAsync"/>. Its gRPC port is a new one.
    /// </summary>
    public Task<SiloProcess> RestartAsync()
    {
        if (!_process.HasExited) throw new InvalidOperationException("The silo is still running; kill it first.");
        return StartAsync(_dataDirectory, _operatorKey, _postgres, SiloPort, _clusterId, _settings);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was not durable is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilServingAsync()
    {
        var response = await Client.Health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
        if (response.Status != HealthCheckResponse.Types.ServingStatus.Serving)
            throw new InvalidOperationException($"The silo reports {response.Status}.");
    }

    /// <summary>SIGTERM, as systemd stops a service: the node shuts down in order. Its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: https?://(\S+)")]
    private static partial Regex ListeningOn();
}
