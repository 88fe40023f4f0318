using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Tenants;
using Orleans;
using ReverseLogistics.Grains.Network;
using ReverseLogistics.Grains.Pickups;
using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Sweeps;

/// <summary>
/// Releases capacity booked for a return that never committed it: a return books a centre's day or a carrier
/// window's place before its own commit, so a crash or a failed commit in between leaves the booking behind.
/// Only bookings older than <see cref="Grace"/> are examined, so a return's turn still in flight is never raced;
/// each is released only when the return's committed state does not hold it and the booking is unchanged since
/// it was read. Centres are paged through the store and windows through the manifest due index (open windows only).
/// </summary>
public sealed class OrphanedBookingSweeps(IActorStore store, IGrainFactory grains, PlatformClock time, ILogger<OrphanedBookingSweeps> logger)
{
    public const string Kind = "orphaned-bookings";
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(10);
    private const int PageSize = 200;

    public async Task<SweepResult> ReleaseOrphansAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var tally = new Tally();
        await SweepCentersAsync(now - Grace, tally, cancellationToken);
        await SweepWindowsAsync(now, now - Grace, tally, cancellationToken);
        if (tally.Checked > 0)
            logger.LogInformation("Sweep {Kind} at {Now}: {Checked} old bookings checked, {Released} released, {Failed} failed", Kind, now, tally.Checked, tally.Released, tally.Failed);
        return new SweepResult(Kind, now, tally.Checked, tally.Released, tally.Failed);
    }

    private async Task SweepCentersAsync(DateTime bookedBefore, Tally tally, CancellationToken cancellationToken)
    {
        ActorKey? after = null;
        while (true)
        {
            var page = await store.ListAsync(FulfillmentCenterGrain.TypeName, TenantIds.Platform, after, PageSize, cancellationToken);
            foreach (var (key, _) in page)
            {
                var center = grains.FulfillmentCenter(key.Id);
                var bookings = await center.FutureBookingsMadeBeforeAsync(bookedBefore).WaitAsync(cancellationToken);
                foreach (var (returnKey, booking) in bookings)
                {
                    await tally.CheckAsync(logger, $"{key.Id}:{returnKey}", async () =>
                    {
                        if (ReturnOf(returnKey) is not var (tenantId, returnId)) return false;
                        var held = await grains.Return(tenantId, returnId).HoldsCapacityAtAsync(key.Id, booking.Day).WaitAsync(cancellationToken);
                        return !held && await center.ReleaseIfUnchangedAsync(returnKey, booking).WaitAsync(cancellationToken);
                    });
                }
            }
            if (page.Count < PageSize) break;
            after = page[^1].Key;
        }
    }

    private async Task SweepWindowsAsync(DateTime now, DateTime bookedBefore, Tally tally, CancellationToken cancellationToken)
    {
        // Every window still awaiting its manifest carries a due entry at its cut-off; past ones are the manifest sweep's.
        var horizon = now.AddYears(5);
        DueActor? after = null;
        while (true)
        {
            var page = await store.FindDueAsync(CarrierWindowGrain.TypeName, CarrierWindowGrain.ManifestDue, horizon, after, PageSize, cancellationToken);
            foreach (var entry in page.Where(e => e.DueAt > now))
            {
                var window = grains.CarrierWindow(entry.Key.Id);
                var stops = await window.OpenStopsBookedBeforeAsync(bookedBefore).WaitAsync(cancellationToken);
                foreach (var stop in stops)
                {
                    await tally.CheckAsync(logger, $"{entry.Key.Id}:{stop.TenantId}/{stop.ReturnId}", async () =>
                    {
                        var held = await grains.Return(stop.TenantId, stop.ReturnId).HoldsPickupInAsync(entry.Key.Id).WaitAsync(cancellationToken);
                        return !held && await window.ReleaseIfUnchangedAsync(stop).WaitAsync(cancellationToken);
                    });
                }
            }
            if (page.Count < PageSize) break;
            after = page[^1];
        }
    }

    private static (string TenantId, string ReturnId)? ReturnOf(string returnKey) =>
        returnKey.Split('/') is [var tenantId, var returnId] ? (tenantId, returnId) : null;

    private sealed class Tally
    {
        public int Checked { get; private set; }
        public int Released { get; private set; }
        public int Failed { get; private set; }

        public async Task CheckAsync(ILogger logger, string booking, Func<Task<bool>> release)
        {
            Checked++;
            try
            {
                if (await release()) Released++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Failed++;
                logger.LogWarning(exception, "Sweep {Kind} could not check booking {Booking}", Kind, booking);
            }
        }
    }
}
