using System.Collections.Concurrent;
using Grpc.Core;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Durability;

/// <summary>
/// The silo as a separate process takes concurrent writes, is killed with SIGKILL mid-stream,
/// and restarts: every acknowledged write is there, and no write is there by halves.
/// </summary>
public sealed class CrashRecoveryTests : IDisposable
{
    private const string OperatorKey = "rl-crash-test-operator-key";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("rl-crash-").FullName;

    [Fact]
    public Task Sqlite_loses_no_acknowledged_write() => KillAndRecoverAsync(postgres: null);

    [SkippableFact]
    public async Task Postgres_loses_no_acknowledged_write()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
            await KillAndRecoverAsync(database.ConnectionString);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private async Task KillAndRecoverAsync(string? postgres)
    {
        var attempted = new ConcurrentDictionary<string, CreateTenantRequest>();
        var acknowledged = new ConcurrentDictionary<string, Tenant>();
        var halfway = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // The node comes back on its silo port, as a service does: in cluster mode its new incarnation then
        // supersedes the dead one in the membership table at once, instead of waiting for it to be declared dead.
        var siloPort = FreePorts.Next();
        await using (var silo = await SiloProcess.StartAsync(_dataDirectory, OperatorKey, postgres, siloPort))
        {
            using var enough = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; !enough.IsCancellationRequested; i++)
                {
                    var request = new CreateTenantRequest { RequestId = $"crash-{worker}-{i}", TenantId = $"crash-{worker}-{i}", DisplayName = $"Crash {worker}/{i}" };
                    attempted[request.RequestId] = request;
                    try
                    {
                        acknowledged[request.RequestId] = await silo.Client.Tenants.CreateTenantAsync(request, As(OperatorKey));
                        if (acknowledged.Count >= 150) halfway.TrySetResult();
                        if (acknowledged.Count >= 300) enough.Cancel();
                    }
                    catch (RpcException)
                    {
                        return; // the silo is gone
                    }
                }
            })).ToList();

            // Killed while the writers are still going; the wait is a guard, not a measure of speed.
            await halfway.Task.WaitAsync(TimeSpan.FromMinutes(2));
            await silo.KillAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = await SiloProcess.StartAsync(_dataDirectory, OperatorKey, postgres, siloPort);
        foreach (var (requestId, first) in acknowledged)
        {
            var stored = await restarted.Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = first.TenantId }, As(OperatorKey));
            Assert.Equal(first, stored);
        }
        // Retrying every attempted write: acknowledged ones replay their first result; the others
        // either committed whole before the kill (and replay) or not at all (and run now).
        foreach (var (requestId, request) in attempted)
        {
            var retried = await restarted.Client.Tenants.CreateTenantAsync(request, As(OperatorKey));
            if (acknowledged.TryGetValue(requestId, out var first)) Assert.Equal(first, retried);
            Assert.Equal(request.DisplayName, retried.DisplayName);
        }
        Assert.True(acknowledged.Count >= 150);
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);
}
