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
    public static Command Create()
    {
        var centres = new Option<int>("--centres")
        {
            Description = "Set up a fulfilment network of this many centres and spread the returns over them (worker i's returns go to " +
                "centre i mod N, each booking capacity there); 0, the default, leaves the silo without a network, so every return " +
                "goes to the default centre and books nothing",
            DefaultValueFactory = _ => 0,
        };
        return LoadCommand.Create<CallRecord>("create-returns",
            "Durable CreateReturn throughput and latency; then checks every acknowledged return exists once", [centres],
            result => [(result.GetValue(centres) is < 0 or > 100, "--centres must be between 0 and 100")],
            async (result, settings, _, cancellationToken) =>
            {
                var tenant = await BenchTenant.CreateAsync(settings.Address, settings.OperatorKey, BenchTenant.NewId("lg-"), "rl-loadgen create-returns", cancellationToken);
                var network = result.GetValue(centres) is > 0 and var count
                    ? await LoadNetwork.CreateAsync(settings, tenant.TenantId, count, windowCapacity: 40, cancellationToken)
                    : null;
                return new Path(settings, tenant, network);
            });
    }

    private sealed class Path : ILoadPath<CallRecord>
    {
        private readonly LoadSettings settings;
        private readonly BenchTenant tenant;
        private readonly LoadNetwork? network;
        private readonly PlatformClient client;
        private readonly Calls calls;

        public Path(LoadSettings settings, BenchTenant tenant, LoadNetwork? network)
        {
            (this.settings, this.tenant, this.network) = (settings, tenant, network);
            client = settings.LoadClient(tenant.MerchantKey);
            calls = new Calls(client.Returns, settings.Deadline);
        }

        public string Unit => "return";
        public string Description => network is null
            ? $"tenant {tenant.TenantId}, no network (the default centre)"
            : $"tenant {tenant.TenantId}, {network.Centres.Count} centres ({network.Centres[0]}...), worker i's returns to centre i mod {network.Centres.Count}";
        public IReadOnlyDictionary<StatusCode, string> FirstDetail => calls.FirstDetail;

        public async Task<Operation<CallRecord>?> RunOnceAsync(int worker)
        {
            var record = await calls.CreateReturnAsync(category: network is null ? null : LoadNetwork.CategoryOf(worker % network.Centres.Count));
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
