using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Pickups;

/// <summary>
/// A carrier window of its own rather than part of the carrier grain: the carrier's definition feeds the routing
/// snapshot, which should not be rebuilt on every booking, and a window's bookings die with the window. The manifest
/// is built in one commit under the version check, so it is built exactly once however many silos or sweeps try; a
/// crash before that commit leaves the window due for the next sweep.
/// </summary>
public sealed class CarrierWindowGrain(IActorStore store, PlatformClock clock)
    : StoreGrain<CarrierWindowState>(store, TypeName, clock), ICarrierWindowGrain
{
    public const string TypeName = "carrier-window";

    /// <summary>Due kind (<see cref="DueIndex"/>) of a window awaiting its manifest.</summary>
    public const string ManifestDue = "manifest";
    public const string ManifestIndex = "manifest";
    public const string CarrierIndex = "carrier";
    public const string ScheduleIndex = "schedule";

    public async Task<bool> BookAsync(PickupSlot slot, ManifestStop stop)
    {
        if (State.ManifestedAt is not null || Now >= slot.CutoffUtc) return false;
        if (State.Stops.Any(s => s.TenantId == stop.TenantId && s.ReturnId == stop.ReturnId)) return true;
        if (State.Stops.Count >= slot.Capacity) return false;
        State.Slot = slot; // the carrier's latest capacity counts
        State.Stops.Add(stop with { BookedAt = Now });
        await CommitAsync([PickupEvent("PickupBooked", new { stop.TenantId, stop.ReturnId })], null, Index());
        return true;
    }

    public async Task ReleaseAsync(string tenantId, string returnId)
    {
        if (State.ManifestedAt is not null)
            throw new PreconditionFailedException($"The pickup is on manifest '{Key.Id}' already; it can no longer be changed.");
        if (State.Stops.RemoveAll(s => s.TenantId == tenantId && s.ReturnId == returnId) == 0) return;
        await CommitAsync([PickupEvent("PickupReleased", new { TenantId = tenantId, ReturnId = returnId })], null, Index());
    }

    public Task<IReadOnlyList<ManifestStop>> OpenStopsBookedBeforeAsync(DateTime bookedBefore)
    {
        if (State.ManifestedAt is not null || State.Slot is not { } slot || Now >= slot.CutoffUtc) return Task.FromResult<IReadOnlyList<ManifestStop>>([]);
        return Task.FromResult<IReadOnlyList<ManifestStop>>([.. State.Stops.Where(s => (s.BookedAt ?? DateTime.MinValue) < bookedBefore)]);
    }

    public async Task<bool> ReleaseIfUnchangedAsync(ManifestStop stop)
    {
        if (State.ManifestedAt is not null || State.Slot is not { } slot || Now >= slot.CutoffUtc) return false;
        if (State.Stops.RemoveAll(s => s.TenantId == stop.TenantId && s.ReturnId == stop.ReturnId && s.BookedAt == stop.BookedAt) == 0) return false;
        await CommitAsync([PickupEvent("PickupReleased", new { stop.TenantId, stop.ReturnId, Orphaned = true })], null, Index());
        return true;
    }

    public async Task<bool> BuildManifestIfDueAsync()
    {
        if (!Exists || State.Slot is not { } slot || State.ManifestedAt is not null || Now < slot.CutoffUtc) return false;
        if (State.Stops.Count == 0)
        {
            await CommitAsync([], null, []); // everything was released: nothing to collect, nothing due
            return false;
        }
        State.ManifestedAt = Now;
        var manifest = new
        {
            ManifestId = Key.Id, slot.CarrierId, slot.StartUtc, slot.EndUtc, slot.TimeZone,
            Stops = State.Stops.Select(s => new { s.TenantId, s.ReturnId, s.TrackingNumber }),
        };
        await CommitAsync([PickupEvent("ManifestCreated", manifest)], null, Index());
        return true;
    }

    public async Task<bool> BuildScheduledManifestAsync(PickupSchedule schedule, PickupSlot slot)
    {
        if (State.ManifestedAt is not null) return false;
        (State.Slot, State.ScheduleId, State.Location, State.ManifestedAt) = (slot, schedule.Id, schedule.Location, Now);
        var manifest = new { ManifestId = Key.Id, ScheduleId = schedule.Id, slot.CarrierId, slot.StartUtc, slot.EndUtc, slot.TimeZone, schedule.Location };
        await CommitAsync([PickupEvent("ManifestCreated", manifest)], null, Index());
        return true;
    }

    public Task<CarrierWindowState?> ManifestAsync() =>
        Task.FromResult(State.ManifestedAt is not null && State.Slot is not null ? State : null);

    private List<IndexEntry> Index()
    {
        if (State.Slot is not { } slot || (State.Stops.Count == 0 && State.ManifestedAt is null)) return [];
        return State.ManifestedAt is null
            ? [DueIndex.Entry(ManifestDue, slot.CutoffUtc), new(CarrierIndex, slot.CarrierId)]
            : [new(ManifestIndex, "built"), new(CarrierIndex, slot.CarrierId), .. State.ScheduleId is { } id ? [new IndexEntry(ScheduleIndex, id)] : Array.Empty<IndexEntry>()];
    }

    private NewEvent PickupEvent(string type, object data) => Event(type, data, "system:pickups");
}
