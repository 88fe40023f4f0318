using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.V1;
using ReverseLogistics.Samples;

namespace ReverseLogistics.LoadGen;

/// <summary>
/// `schedule-pickups`: SchedulePickup on pre-created carrier-pickup returns, one call per return with a request id of its
/// own. Setup makes a tenant and a network (as `handheld` does: the returns are spread over --centres centres, since each
/// CreateReturn books capacity on its centre, one at a time) with a carrier that collects in hourly windows every day
/// (--window-capacity pickups each), then pre-creates --returns returns. Return i asks for the day i modulo --days
/// after tomorrow and takes the earliest window of that day with room, as a customer picking a day would. At the
/// end every acknowledged return must be awaiting pickup with its pickup booked on the day it asked for, no
/// window may hold more than its capacity, and every return no worker took must still be labelled without a pickup.
/// </summary>
public static class SchedulePickupsCommand
{
    /// <summary>A booked pickup: the return, the day asked for, and the window's start the answer named.</summary>
    private sealed record Booking(PooledReturn Return, string Date, string? WindowStarts);

    public static Command Create()
    {
        var returns = new Option<int>("--returns") { Description = "Returns to pre-create; the run ends early when they are used up", DefaultValueFactory = _ => 6000 };
        var days = new Option<int>("--days") { Description = "Days the pickups are spread over, from tomorrow (at most 28, the booking horizon)", DefaultValueFactory = _ => 14 };
        var capacity = new Option<int>("--window-capacity") { Description = "Pickups each carrier window takes", DefaultValueFactory = _ => 40 };
        var centres = new Option<int>("--centres") { Description = "Fulfilment centres the returns are spread over (all in one time zone)", DefaultValueFactory = _ => 8 };
        return LoadCommand.Create<Booking>("schedule-pickups",
            "SchedulePickup on carrier-pickup returns; then checks every acknowledged return's pickup is booked",
            [returns, days, capacity, centres],
            result => [
                (result.GetValue(returns) < 1, "--returns must be at least 1"),
                (result.GetValue(days) is < 1 or > 28, "--days must be between 1 and 28"),
                (result.GetValue(capacity) < 1, "--window-capacity must be at least 1"),
                (result.GetValue(centres) is < 1 or > 100, "--centres must be between 1 and 100"),
                ((long)result.GetValue(days) * LoadNetwork.WindowHours.Count * result.GetValue(capacity) < result.GetValue(returns),
                    $"--returns is more than the windows take (--days x {LoadNetwork.WindowHours.Count} windows a day x --window-capacity)")],
            async (result, settings, output, cancellationToken) =>
            {
                var tenant = await BenchTenant.CreateAsync(settings.Address, settings.OperatorKey, BenchTenant.NewId("lg-"), "rl-loadgen schedule-pickups", cancellationToken);
                var network = await LoadNetwork.CreateAsync(settings, tenant.TenantId, result.GetValue(centres), result.GetValue(capacity), cancellationToken);
                using var merchant = settings.SetupClient(tenant.MerchantKey);
                var pool = await ReturnPool.CreateAsync(merchant, result.GetValue(returns), settings.Concurrency, network, output, cancellationToken);
                return new Path(settings, tenant, network, pool, result.GetValue(days));
            });
    }

    private sealed class Path(LoadSettings settings, BenchTenant tenant, LoadNetwork network, ReturnPool pool, int days) : ILoadPath<Booking>
    {
        private readonly PlatformClient client = settings.LoadClient(tenant.MerchantKey);
        private readonly RpcTimer timer = new();
        private readonly DateOnly tomorrow = network.Tomorrow;
        private int booked = -1;

        public string Unit => "pickup";

        public string Description => $"tenant {tenant.TenantId}, {network.Centres.Count} centres, carrier {network.CarrierId} with {LoadNetwork.WindowHours.Count} windows a day of " +
            $"{network.WindowCapacity} pickups, {pool.Returns.Count} returns, days from {Date(0)} to {Date(days - 1)}";

        public IReadOnlyDictionary<StatusCode, string> FirstDetail => timer.FirstDetail;

        private string Date(int day) => tomorrow.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public async Task<Operation<Booking>?> RunOnceAsync(int worker)
        {
            if (pool.Take() is not { } taken) return null;
            var date = Date(Interlocked.Increment(ref booked) % days);
            var (call, pickup) = await timer.TimeAsync("SchedulePickup", () => client.Pickups.SchedulePickupAsync(new SchedulePickupRequest
            {
                RequestId = Guid.NewGuid().ToString("N"), ReturnId = taken.ReturnId, Date = date,
            }));
            return new Operation<Booking>(new Booking(taken, date, pickup?.Window.Starts), [call]);
        }

        public async Task<PathCheck> CheckAsync(IReadOnlyList<Operation<Booking>> operations, TextWriter output)
        {
            using var merchant = settings.SetupClient(tenant.MerchantKey);
            var listed = (await Check.ListAllAsync(merchant.Returns, CancellationToken.None)).ToDictionary(r => r.ReturnId);
            var pickups = (await ListPickupsAsync(merchant)).ToDictionary(p => p.ReturnId);
            var acknowledged = operations.Where(o => o.Acknowledged).Select(o => o.Subject).ToList();
            var failed = operations.Where(o => !o.Acknowledged).Select(o => o.Subject.Return.ReturnId).ToList();
            var taken = operations.Select(o => o.Subject.Return.ReturnId).ToHashSet();

            var asBooked = acknowledged.Count(b => listed.TryGetValue(b.Return.ReturnId, out var r) && r.Status == ReturnStatus.AwaitingPickup
                && pickups.TryGetValue(b.Return.ReturnId, out var p) && p.Status == PickupStatus.Booked && p.CarrierId == network.CarrierId
                && p.Window.Date == b.Date && p.Window.Starts == b.WindowStarts);
            var committedThoughFailed = failed.Count(pickups.ContainsKey);
            var untouched = pool.Returns.Where(r => !taken.Contains(r.ReturnId)).ToList();
            var stillLabelled = untouched.Count(r => listed.TryGetValue(r.ReturnId, out var found) && found.Status == ReturnStatus.LabelIssued
                && !pickups.ContainsKey(r.ReturnId));
            var notFromRun = pickups.Keys.Count(id => !taken.Contains(id));
            var windows = pickups.Values.GroupBy(p => (p.Window.Date, p.Window.Starts)).ToList();
            var overfull = windows.Count(w => w.Count() > network.WindowCapacity);
            var ok = asBooked == acknowledged.Count && stillLabelled == untouched.Count && notFromRun == 0 && overfull == 0;

            output.WriteLine($"check: ListPickups lists {pickups.Count} pickups for tenant {tenant.TenantId} in {windows.Count} windows " +
                $"(fullest {(windows.Count == 0 ? 0 : windows.Max(w => w.Count()))} of {network.WindowCapacity}, over capacity {overfull}); " +
                $"{acknowledged.Count} calls were acknowledged");
            output.WriteLine($"       acknowledged and awaiting pickup, booked on the day asked in the window answered {asBooked}, otherwise {acknowledged.Count - asBooked}; " +
                $"committed though the call failed {committedThoughFailed} of {failed.Count}; pickups from no call of this run {notFromRun}");
            output.WriteLine($"       returns no worker took {untouched.Count}: still label issued without a pickup {stillLabelled}, otherwise {untouched.Count - stillLabelled}");
            output.WriteLine($"       {(ok ? "OK: every acknowledged pickup is booked, once" : "FAILED")}");
            return new PathCheck(ok, $"pickups_listed={pickups.Count} as_booked={asBooked}");
        }

        private static async Task<List<Pickup>> ListPickupsAsync(PlatformClient merchant)
        {
            var all = new List<Pickup>();
            var token = "";
            do
            {
                var page = await merchant.Pickups.ListPickupsAsync(new ListPickupsRequest { PageSize = 500, PageToken = token },
                    deadline: DateTime.UtcNow.AddSeconds(60));
                all.AddRange(page.Pickups);
                token = page.NextPageToken;
            } while (token.Length > 0);
            return all;
        }

        public void Dispose() => client.Dispose();
    }
}
