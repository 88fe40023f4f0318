using System.Collections.Concurrent;
using Grpc.Core;
using ReverseLogistics.FunctionalTests.Storage;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Durability;

/// <summary>
/// The cluster's promises under SIGKILL, with every node a process of its own: merchants create returns
/// concurrently, a node is killed mid-stream, and afterwards no acknowledged return is lost, no request id
/// yields two returns, calls in the kill window fail only as a client may retry (UNAVAILABLE,
/// DEADLINE_EXCEEDED, CANCELLED), the survivor keeps serving and the killed node rejoins on its data directory.
/// (A second process on a data directory in use is StartupFailureTests' A_second_silo_on_a_data_directory_in_use_refuses_to_start.)
/// </summary>
public sealed class ClusterKillTests : IDisposable
{
    private const string OperatorKey = "rl-cluster-kill-operator-key";

    // The merchant's rate limit must not be what fails a call here.
    private static readonly RateLimit NoRateLimit = new() { RequestsPerSecond = 100_000, Burst = 100_000 };

    /// <summary>What a call may fail with while a node dies: statuses a client knows to retry or give up on.</summary>
    private static readonly StatusCode[] KillWindowStatuses = [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.Cancelled];

    private readonly string _root = Directory.CreateTempSubdirectory("rl-kill-").FullName;

    [SkippableFact]
    public async Task A_killed_cluster_node_loses_no_acknowledged_return_and_rejoins()
    {
        var database = new PostgresDatabase();
        await database.InitializeAsync();
        try
        {
            Skip.If(database.ConnectionString is null, PostgresDatabase.SkipReason);
            await KillClusterNodeAsync(database.ConnectionString);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_killed_embedded_node_loses_no_acknowledged_return()
    {
        var dataDirectory = Path.Combine(_root, "embedded");
        string merchantKey;
        await using var traffic = new ReturnTraffic();
        await using (var silo = await SiloProcess.StartAsync(dataDirectory, OperatorKey))
        {
            (_, merchantKey) = await NewMerchantAsync(silo.Client, OperatorKey, NoRateLimit);
            traffic.Start(merchantKey, [silo], workers: 6);

            // Killed while the workers are still going; the wait is a guard, not a measure of speed.
            await traffic.AcknowledgedAtLeastAsync(100);
            await silo.KillAsync();
            await traffic.StopAsync();
        }

        await using var restarted = await SiloProcess.StartAsync(dataDirectory, OperatorKey);
        await AssertNoReturnLostOrDoubledAsync(restarted, merchantKey, traffic);
        AssertKillWindowStatuses(traffic);
    }

    private async Task KillClusterNodeAsync(string postgres)
    {
        var clusterId = "kill-" + Guid.NewGuid().ToString("N")[..8];
        var (victim, survivor) = await SiloProcess.StartTogetherAsync(
            SiloProcess.StartAsync(Path.Combine(_root, "a"), OperatorKey, postgres, FreePorts.Next(), clusterId),
            SiloProcess.StartAsync(Path.Combine(_root, "b"), OperatorKey, postgres, FreePorts.Next(), clusterId));
        await using var killed = victim;
        await using var alive = survivor;
        Assert.True(await Eventually.HoldsAsync(async () => ActiveSiloPorts(await OrleansMembershipTable.MembersAsync(postgres, clusterId))
                .SetEquals([victim.SiloPort, survivor.SiloPort])),
            "both nodes are active members before the kill");

        // The merchant is created on the node about to die; the other learns its key through change notifications.
        var (_, merchantKey) = await NewMerchantAsync(victim.Client, OperatorKey, NoRateLimit);
        Assert.True(await Eventually.HoldsAsync(() => AcceptsAsync(survivor, merchantKey)), "the survivor knows the merchant's key");

        await using var traffic = new ReturnTraffic();
        traffic.Start(merchantKey, [victim, survivor], workers: 6);
        await traffic.AcknowledgedAtLeastAsync(100);
        await victim.KillAsync();
        // As a load balancer would: new calls go to the survivor; calls already sent to the victim fail.
        traffic.Retarget([survivor]);
        await traffic.AcknowledgedSinceRetargetAtLeastAsync(30);
        await traffic.StopAsync();
        // Until the survivor declares the killed node dead, a call for a return that was active there answers
        // UNAVAILABLE (clients retry it); the checks below read every return once, so they wait for that first.
        Assert.True(await Eventually.HoldsAsync(async () => ActiveSiloPorts(await OrleansMembershipTable.MembersAsync(postgres, clusterId))
                .SetEquals([survivor.SiloPort])),
            "the killed node is declared dead");

        await AssertNoReturnLostOrDoubledAsync(survivor, merchantKey, traffic);

        await using var rejoined = await victim.RestartAsync();
        var some = traffic.Acknowledged.Values.First();
        Assert.Equal(some, await rejoined.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = some.ReturnId }, As(merchantKey)));
        Assert.Equal(some, await survivor.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = some.ReturnId }, As(merchantKey)));
        var afterRejoin = await rejoined.Client.Returns.CreateReturnAsync(NewReturn(customer: "after-rejoin"), As(merchantKey));
        Assert.Equal(afterRejoin, await survivor.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = afterRejoin.ReturnId }, As(merchantKey)));
        // Two active members, the survivor and the restarted node's new incarnation; the killed one is declared dead.
        IReadOnlyList<OrleansMembershipTable.Member> members = [];
        Assert.True(await Eventually.HoldsAsync(async () =>
            {
                members = await OrleansMembershipTable.MembersAsync(postgres, clusterId);
                var active = members.Where(m => m.IsActive).ToList();
                return active.Count == 2 && ActiveSiloPorts(members).SetEquals([victim.SiloPort, survivor.SiloPort])
                    && members.Count(m => m.Port == victim.SiloPort) == 2
                    && active.Single(m => m.Port == victim.SiloPort).Generation == members.Where(m => m.Port == victim.SiloPort).Max(m => m.Generation);
            }),
            $"two active members after the rejoin, the restarted node in a new generation; the table lists {string.Join(", ", members)}");

        AssertKillWindowStatuses(traffic);
    }

    private static HashSet<int> ActiveSiloPorts(IEnumerable<OrleansMembershipTable.Member> members) =>
        members.Where(m => m.IsActive).Select(m => m.Port).ToHashSet();

    private static async Task<bool> AcceptsAsync(SiloProcess silo, string merchantKey)
    {
        try
        {
            await silo.Client.Returns.ListReturnsAsync(new ListReturnsRequest { PageSize = 1 }, As(merchantKey));
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            return false;
        }
    }

    /// <summary>
    /// Every acknowledged return reads back the same through <paramref name="silo"/>; retrying every attempted
    /// request (acknowledged or not) yields one return per request id, the acknowledged ones their first result;
    /// and the merchant has exactly those returns.
    /// </summary>
    private static async Task AssertNoReturnLostOrDoubledAsync(SiloProcess silo, string merchantKey, ReturnTraffic traffic)
    {
        // A few calls at a time, as merchants' retries would come; each request id is retried exactly once.
        var concurrently = new ParallelOptions { MaxDegreeOfParallelism = 4 };
        await Parallel.ForEachAsync(traffic.Acknowledged.Values, concurrently, async (acknowledged, _) =>
        {
            var stored = await silo.Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = acknowledged.ReturnId }, As(merchantKey));
            Assert.Equal(acknowledged, stored);
        });

        var returnIds = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(traffic.Attempted, concurrently, async (attempt, _) =>
        {
            var (requestId, request) = attempt;
            var retried = await silo.Client.Returns.CreateReturnAsync(request, As(merchantKey));
            if (traffic.Acknowledged.TryGetValue(requestId, out var first)) Assert.Equal(first, retried);
            Assert.Equal(request.CustomerReference, retried.CustomerReference);
            returnIds[requestId] = retried.ReturnId;
        });
        Assert.Equal(traffic.Attempted.Count, returnIds.Count);
        Assert.Equal(returnIds.Count, returnIds.Values.Distinct().Count());

        // Every request id succeeded by now, each with its own return, and the merchant has no other.
        var listed = await ListAllAsync(silo, merchantKey);
        Assert.Equal(returnIds.Count, listed.Count);
        Assert.Equal(returnIds.Values.Order(), listed.Order());
    }

    private static async Task<List<string>> ListAllAsync(SiloProcess silo, string merchantKey)
    {
        var ids = new List<string>();
        var request = new ListReturnsRequest { PageSize = 500 };
        do
        {
            var page = await silo.Client.Returns.ListReturnsAsync(request, As(merchantKey));
            ids.AddRange(page.Returns.Select(r => r.ReturnId));
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);
        return ids;
    }

    private static void AssertKillWindowStatuses(ReturnTraffic traffic)
    {
        var unexpected = traffic.Failures.Where(f => !KillWindowStatuses.Contains(f.Status)).ToList();
        Assert.True(unexpected.Count == 0,
            $"{unexpected.Count} of {traffic.Failures.Count} failed calls answered a status other than UNAVAILABLE, DEADLINE_EXCEEDED or CANCELLED:\n" +
            string.Join('\n', unexpected.Take(20)));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A failed CreateReturn: on which node, with which status.</summary>
    private sealed record Failure(string RequestId, string Silo, StatusCode Status, string Detail);

    /// <summary>
    /// Workers creating returns, each with a unique request id and customer, each worker alternating over the
    /// nodes it is given. Every attempt, acknowledgement and failure is recorded.
    /// </summary>
    private sealed class ReturnTraffic : IAsyncDisposable
    {
        private sealed record Targets(SiloProcess[] Silos, int Generation);

        private readonly CancellationTokenSource _stop = new();
        private volatile Targets _targets = new([], 0);
        private List<Task> _workers = [];
        private int _acknowledgedSinceRetarget;

        public ConcurrentDictionary<string, CreateReturnRequest> Attempted { get; } = new();
        public ConcurrentDictionary<string, Return> Acknowledged { get; } = new();
        public ConcurrentQueue<Failure> Failures { get; } = new();

        public void Start(string merchantKey, SiloProcess[] silos, int workers)
        {
            _targets = new Targets(silos, 0);
            _workers = Enumerable.Range(0, workers).Select(worker => Task.Run(() => RunAsync(worker, merchantKey))).ToList();
        }

        /// <summary>New calls go only to <paramref name="silos"/> from now on.</summary>
        public void Retarget(SiloProcess[] silos)
        {
            Interlocked.Exchange(ref _acknowledgedSinceRetarget, 0);
            _targets = new Targets(silos, _targets.Generation + 1);
        }

        public Task AcknowledgedAtLeastAsync(int count) => UntilAsync(() => Acknowledged.Count >= count, $"{count} acknowledged returns");

        /// <summary>Waits for calls sent after <see cref="Retarget"/> to succeed: the remaining nodes serve again.</summary>
        public Task AcknowledgedSinceRetargetAtLeastAsync(int count) =>
            UntilAsync(() => Volatile.Read(ref _acknowledgedSinceRetarget) >= count, $"{count} returns acknowledged after the kill");

        public async Task StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_workers);
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _stop.Dispose();
        }

        // A guard against traffic that never gets there, not a claim about how fast it does.
        private async Task UntilAsync(Func<bool> condition, string what)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(45));
            while (!condition())
            {
                if (guard.IsCancellationRequested)
                    throw new TimeoutException($"Waited in vain for {what}; {Acknowledged.Count} acknowledged, failures:\n{string.Join('\n', Failures.Take(20))}");
                await Task.Delay(10, CancellationToken.None);
            }
        }

        private async Task PauseAsync()
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the loop ends.
            }
        }

        private async Task RunAsync(int worker, string merchantKey)
        {
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                var targets = _targets;
                var silo = targets.Silos[(worker + i) % targets.Silos.Length];
                var request = NewReturn(customer: $"kill-{worker}-{i}");
                Attempted[request.RequestId] = request;
                try
                {
                    // The deadline is a guard against a call that hangs, not a claim about speed.
                    var created = await silo.Client.Returns.CreateReturnAsync(request, As(merchantKey).WithDeadline(DateTime.UtcNow.AddSeconds(20)));
                    Acknowledged[request.RequestId] = created;
                    if (targets.Generation == _targets.Generation && targets.Generation > 0) Interlocked.Increment(ref _acknowledgedSinceRetarget);
                }
                catch (RpcException e)
                {
                    Failures.Enqueue(new Failure(request.RequestId, silo.Address, e.StatusCode, e.Status.Detail));
                    // A client backs off after a failure. Without it a worker aimed at a dead node fails as fast as the
                    // connection is refused, and every such attempt is retried (and so created) in the checks after.
                    await PauseAsync();
                }
            }
        }
    }
}
