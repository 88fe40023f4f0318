using System.CommandLine;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.V1;
using ReverseLogistics.Samples;

namespace ReverseLogistics.LoadGen;

/// <summary>
/// `handheld`: the warehouse path of one parcel through a centre's handheld key: ScanParcel (by tracking number or
/// return id), ReceiveItems (its one unit) and RecordInspection (grade A), each with a scan id of its own. Setup makes a
/// tenant, a network of --centres centres and a handheld key per centre, then pre-creates --returns returns spread over
/// the centres. At the end every parcel whose three calls were acknowledged must be refund pending with its unit
/// received and graded, and every return no worker took must still be labelled.
/// </summary>
public static class HandheldCommand
{
    /// <summary>SiloOptions.HandheldRateLimit's default: the handhelds of one centre share 200 calls per second.</summary>
    private const int HandheldCallsPerSecond = 200;

    public static Command Create()
    {
        var returns = new Option<int>("--returns") { Description = "Returns (parcels) to pre-create; the run ends early when they are used up", DefaultValueFactory = _ => 3000 };
        var centres = new Option<int>("--centres")
        {
            Description = $"Fulfilment centres the parcels are spread over. The handhelds of one centre share a rate limit " +
                $"({HandheldCallsPerSecond} calls/s in a silo's default settings, --handheld-rate-limit): enough centres keep the limiter out of the figures",
            DefaultValueFactory = _ => 8,
        };
        var scanBy = new Option<string>("--scan-by") { Description = "What ScanParcel's barcode is: tracking-number or return-id", DefaultValueFactory = _ => "tracking-number" };
        return LoadCommand.Create<PooledReturn>("handheld",
            "A centre's handheld on one parcel: ScanParcel, ReceiveItems, RecordInspection; figures per parcel and per RPC, then checks every parcel's state",
            [returns, centres, scanBy],
            result => [
                (result.GetValue(returns) < 1, "--returns must be at least 1"),
                (result.GetValue(centres) is < 1 or > 100, "--centres must be between 1 and 100"),
                (result.GetValue(scanBy) is not ("tracking-number" or "return-id"), "--scan-by is tracking-number or return-id")],
            async (result, settings, output, cancellationToken) =>
            {
                var tenant = await BenchTenant.CreateAsync(settings.Address, settings.OperatorKey, BenchTenant.NewId("lg-"), "rl-loadgen handheld", cancellationToken);
                var network = await LoadNetwork.CreateAsync(settings, tenant.TenantId, result.GetValue(centres), windowCapacity: 40, cancellationToken);
                var keys = await network.HandheldKeysAsync(settings, cancellationToken);
                using var merchant = settings.SetupClient(tenant.MerchantKey);
                var pool = await ReturnPool.CreateAsync(merchant, result.GetValue(returns), settings.Concurrency, network, output, cancellationToken);
                return new Path(settings, tenant, network, keys, pool, result.GetValue(scanBy) == "return-id");
            });
    }

    private sealed class Path(LoadSettings settings, BenchTenant tenant, LoadNetwork network, IReadOnlyList<string> keys, ReturnPool pool, bool scanByReturnId)
        : ILoadPath<PooledReturn>
    {
        private readonly IReadOnlyList<PlatformClient> handhelds = [.. keys.Select(settings.LoadClient)];
        private readonly RpcTimer timer = new();

        public string Unit => "parcel";

        public string Description => $"tenant {tenant.TenantId}, {network.Centres.Count} centres ({network.Centres[0]}...; their handhelds may make " +
            $"{network.Centres.Count * HandheldCallsPerSecond} calls/s together), {pool.Returns.Count} parcels, scanned by " +
            (scanByReturnId ? "return id" : "tracking number");

        public IReadOnlyDictionary<StatusCode, string> FirstDetail => timer.FirstDetail;

        public async Task<Operation<PooledReturn>?> RunOnceAsync(int worker)
        {
            if (pool.Take() is not { } parcel) return null;
            var receiving = handhelds[parcel.Centre].Receiving;
            var device = $"HH-{worker}";
            var calls = new List<TimedCall>(3);
            var (scan, _) = await timer.TimeAsync("ScanParcel", () => receiving.ScanParcelAsync(new ScanParcelRequest
            {
                ScanId = NewScanId(), DeviceId = device, Barcode = scanByReturnId ? parcel.ReturnId : parcel.TrackingNumber,
            }));
            calls.Add(scan);
            if (scan.Acknowledged)
            {
                var receipt = new ReceiveItemsRequest { ScanId = NewScanId(), DeviceId = device, ReturnId = parcel.ReturnId };
                receipt.Items.Add(new ReceivedUnits { LineIndex = 0, Quantity = 1 });
                var (receive, _) = await timer.TimeAsync("ReceiveItems", () => receiving.ReceiveItemsAsync(receipt));
                calls.Add(receive);
                if (receive.Acknowledged)
                {
                    var (inspect, _) = await timer.TimeAsync("RecordInspection", () => receiving.RecordInspectionAsync(new RecordInspectionRequest
                    {
                        ScanId = NewScanId(), DeviceId = device, ReturnId = parcel.ReturnId, LineIndex = 0, Grade = InspectionGrade.A,
                    }));
                    calls.Add(inspect);
                }
            }
            return new Operation<PooledReturn>(parcel, calls);
        }

        /// <summary>Unique per call: a scan id reused for another request would be refused.</summary>
        private static string NewScanId() => "lg-" + Guid.NewGuid().ToString("N");

        public async Task<PathCheck> CheckAsync(IReadOnlyList<Operation<PooledReturn>> operations, TextWriter output)
        {
            using var merchant = settings.SetupClient(tenant.MerchantKey);
            var listed = (await Check.ListAllAsync(merchant.Returns, CancellationToken.None)).ToDictionary(r => r.ReturnId);
            var done = operations.Where(o => o.Acknowledged).Select(o => o.Subject.ReturnId).ToHashSet();
            var taken = operations.Select(o => o.Subject.ReturnId).ToHashSet();
            var notListed = pool.Returns.Count(r => !listed.ContainsKey(r.ReturnId));
            var notFromPool = listed.Count - (pool.Returns.Count - notListed);
            var processed = done.Count(id => listed.TryGetValue(id, out var r) && Processed(r));
            var untouched = pool.Returns.Where(r => !taken.Contains(r.ReturnId)).ToList();
            var stillLabelled = untouched.Count(r => listed.TryGetValue(r.ReturnId, out var found) && found.Status == ReturnStatus.LabelIssued);
            var ok = notListed == 0 && notFromPool == 0 && processed == done.Count && stillLabelled == untouched.Count;

            output.WriteLine($"check: ListReturns lists {listed.Count} returns for tenant {tenant.TenantId}; {pool.Returns.Count} were pre-created " +
                $"(not listed {notListed}, listed but not pre-created {notFromPool})");
            output.WriteLine($"       parcels with all three calls acknowledged {done.Count}: refund pending with their unit received and graded A {processed}, " +
                $"otherwise {done.Count - processed}");
            output.WriteLine($"       parcels with a failed call {taken.Count - done.Count} (left as they are, not checked); returns no worker took " +
                $"{untouched.Count}: still label issued {stillLabelled}, otherwise {untouched.Count - stillLabelled}");
            output.WriteLine($"       {(ok ? "OK: every acknowledged parcel is where its three steps lead" : "FAILED")}");
            return new PathCheck(ok, $"parcels_done={done.Count} parcels_as_expected={processed}");
        }

        private static bool Processed(Return r) =>
            r.Status == ReturnStatus.RefundPending && r.ArriveTime is not null && r.Lines.Count == 1 && r.Lines[0].ReceivedQuantity == 1
            && r.Lines[0].Inspection?.Grade == InspectionGrade.A;

        public void Dispose()
        {
            foreach (var client in handhelds) client.Dispose();
        }
    }
}
