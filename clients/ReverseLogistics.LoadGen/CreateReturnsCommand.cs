using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.Samples;

namespace ReverseLogistics.LoadGen;

/// <summary>
/// `create-returns`: a fresh tenant and merchant key, then N workers each sending CreateReturn, one call after another,
/// every call with a new request id. At the end ListReturns pages over the tenant: listed returns must match acknowledged ones.
/// </summary>
public static class CreateReturnsCommand
{
    public static Command Create() => LoadCommand.Create<CallRecord>("create-returns",
        "Durable CreateReturn throughput and latency; then checks every acknowledged return exists once", [], _ => [],
        async (_, settings, _, cancellationToken) =>
        {
            var tenant = await BenchTenant.CreateAsync(settings.Address, settings.OperatorKey, BenchTenant.NewId("lg-"), "rl-loadgen create-returns", cancellationToken);
            return new Path(settings, tenant);
        });

    private sealed class Path : ILoadPath<CallRecord>
    {
        private readonly LoadSettings settings;
        private readonly BenchTenant tenant;
        private readonly PlatformClient client;
        private readonly Calls calls;

        public Path(LoadSettings settings, BenchTenant tenant)
        {
            (this.settings, this.tenant) = (settings, tenant);
            client = settings.LoadClient(tenant.MerchantKey);
            calls = new Calls(client.Returns, settings.Deadline);
        }

        public string Unit => "return";
        public string Description => $"tenant {tenant.TenantId}";
        public IReadOnlyDictionary<StatusCode, string> FirstDetail => calls.FirstDetail;

        public async Task<Operation<CallRecord>?> RunOnceAsync(int worker)
        {
            var record = await calls.CreateReturnAsync();
            return new Operation<CallRecord>(record, [new TimedCall("CreateReturn", record.Start, record.End, record.Status)]);
        }

        public async Task<PathCheck> CheckAsync(IReadOnlyList<Operation<CallRecord>> operations, TextWriter output)
        {
            using var lister = settings.SetupClient(tenant.MerchantKey);
            var check = await Check.RunAsync(lister.Returns, [.. operations.Select(o => o.Subject)], output, tenant.TenantId);
            return new PathCheck(check?.Ok == true, $"listed={check?.Listed.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        }

        public void Dispose() => client.Dispose();
    }
}
