using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.V1;
using ReverseLogistics.Samples;

namespace ReverseLogistics.LoadGen;

/// <summary>
/// `get-returns`: authenticated GetReturn with the merchant key on --returns pre-created returns, read one after
/// another round and round (so they stay active in the silo). At the end every acknowledged read must have answered the
/// return it asked for, and the reads must have changed nothing: every pre-created return listed, in the status it was made in.
/// </summary>
public static class GetReturnsCommand
{
    /// <summary>A read: the return asked for, and the id the answer carried (null when the call failed).</summary>
    private sealed record Read(string Asked, string? Answered);

    public static Command Create()
    {
        var returns = new Option<int>("--returns") { Description = "Returns to pre-create and read round and round", DefaultValueFactory = _ => 1000 };
        return LoadCommand.Create<Read>("get-returns", "GetReturn throughput and latency on pre-created returns; then checks the answers",
            [returns],
            result => [(result.GetValue(returns) < 1, "--returns must be at least 1")],
            async (result, settings, output, cancellationToken) =>
            {
                var tenant = await BenchTenant.CreateAsync(settings.Address, settings.OperatorKey, BenchTenant.NewId("lg-"), "rl-loadgen get-returns", cancellationToken);
                using var merchant = settings.SetupClient(tenant.MerchantKey);
                var pool = await ReturnPool.CreateAsync(merchant, result.GetValue(returns), settings.Concurrency, network: null, output, cancellationToken);
                return new Path(settings, tenant, pool);
            });
    }

    private sealed class Path(LoadSettings settings, BenchTenant tenant, ReturnPool pool) : ILoadPath<Read>
    {
        private readonly PlatformClient client = settings.LoadClient(tenant.MerchantKey);
        private readonly RpcTimer timer = new();

        public string Unit => "read";
        public string Description => $"tenant {tenant.TenantId}, {pool.Returns.Count} returns (" +
            string.Join(", ", pool.Returns.GroupBy(r => r.Status).Select(g => $"{g.Count()} {g.Key}")) + ")";
        public IReadOnlyDictionary<StatusCode, string> FirstDetail => timer.FirstDetail;

        public async Task<Operation<Read>?> RunOnceAsync(int worker)
        {
            var asked = pool.Next().ReturnId;
            var (call, found) = await timer.TimeAsync("GetReturn", () => client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = asked }));
            return new Operation<Read>(new Read(asked, found?.ReturnId), [call]);
        }

        public async Task<PathCheck> CheckAsync(IReadOnlyList<Operation<Read>> operations, TextWriter output)
        {
            var acknowledged = operations.Where(o => o.Acknowledged).ToList();
            var wrong = acknowledged.Count(o => o.Subject.Answered != o.Subject.Asked);
            using var merchant = settings.SetupClient(tenant.MerchantKey);
            var listed = await Check.ListAllAsync(merchant.Returns, CancellationToken.None);
            var made = pool.Returns.ToDictionary(r => r.ReturnId, r => r.Status);
            var unchanged = listed.Count(r => made.TryGetValue(r.ReturnId, out var status) && r.Status == status);
            var ok = wrong == 0 && listed.Count == made.Count && unchanged == made.Count;
            output.WriteLine($"check: {acknowledged.Count} reads acknowledged, answering another return than asked {wrong}; ListReturns lists " +
                $"{listed.Count} returns for tenant {tenant.TenantId}, {made.Count} were pre-created, still in the status they were made in {unchanged}");
            output.WriteLine($"       {(ok ? "OK: every read answered its return and changed nothing" : "FAILED")}");
            return new PathCheck(ok, $"wrong_answers={wrong}");
        }

        public void Dispose() => client.Dispose();
    }
}
