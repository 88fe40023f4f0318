using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Storage;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Pickups;

/// <summary>
/// One occurrence of a carrier's pickup window (key: <see cref="TenantIds.Platform"/> + <see cref="PickupSlot.WindowId"/>):
/// it enforces the window's capacity, once per return, and at the cut-off becomes the window's manifest.
/// A window of its own rather than the carrier actor: the carrier's definition feeds the routing snapshot,
/// which should not be rebuilt on every booking, and a window's bookings die with the window.
/// The manifest is built in one commit under the actor's version check, so it is built exactly once
/// however many nodes or sweeps try; a crash before that commit leaves the window due for the next sweep.
/// </summary>
public sealed class CarrierWindowActor : Actor<CarrierWindowState>, IActor
{
    public static string TypeName => "carrier-window";

    /// <summary>Due kind (<see cref="DueIndex"/>) of a window awaiting its manifest.</summary>
    public const string ManifestDue = "manifest";
    public const string ManifestIndex = "manifest";
    public const string CarrierIndex = "carrier";
    public const string ScheduleIndex = "schedule";

    private DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>Books the stop unless the window is full or past its cut-off; booking a return again is a no-op. False when refused.</summary>
    public async Task<bool> BookAsync(PickupSlot slot, ManifestStop stop)
    {
        if (State.ManifestedAt is not null || Now >= slot.CutoffUtc) return false;
        if (State.Stops.Any(s => s.TenantId == stop.TenantId && s.ReturnId == stop.ReturnId)) return true;
        if (State.Stops.Count >= slot.Capacity) return false;
        State.Slot = slot; // the carrier's latest capacity counts
        State.Stops.Add(stop with { BookedAt = Now });
        await CommitAsync([Event("PickupBooked", new { stop.TenantId, stop.ReturnId })], null, Index());
        return true;
    }

    /// <summary>Frees a return's place; FAILED_PRECONDITION once the manifest is built.</summary>
    public async Task ReleaseAsync(string tenantId, string returnId)
    {
        if (State.ManifestedAt is not null)
            throw new PreconditionFailedException($"The pickup is on manifest '{Key.Id}' already; it can no longer be changed.");
        if (State.Stops.RemoveAll(s => s.TenantId == tenantId && s.ReturnId == returnId) == 0) return;
        await CommitAsync([Event("PickupReleased", new { TenantId = tenantId, ReturnId = returnId })], null, Index());
    }

    /// <summary>Stops booked before <paramref name="bookedBefore"/> (or at an unrecorded time) while the window is still open; none once past its cut-off.</summary>
    public IReadOnlyList<ManifestStop> OpenStopsBookedBefore(DateTime bookedBefore)
    {
        if (State.ManifestedAt is not null || State.Slot is not { } slot || Now >= slot.CutoffUtc) return [];
        return State.Stops.Where(s => (s.BookedAt ?? DateTime.MinValue) < bookedBefore).ToList();
    }

    /// <summary>Frees the stop only while the window is open and the return was not booked again since <paramref name="stop"/> was read. Whether it was freed.</summary>
    public async Task<bool> ReleaseIfUnchangedAsync(ManifestStop stop)
    {
        if (State.ManifestedAt is not null || State.Slot is not { } slot || Now >= slot.CutoffUtc) return false;
        if (State.Stops.RemoveAll(s => s.TenantId == stop.TenantId && s.ReturnId == stop.ReturnId && s.BookedAt == stop.BookedAt) == 0) return false;
        await CommitAsync([Event("PickupReleased", new { stop.TenantId, stop.ReturnId, Orphaned = true })], null, Index());
        return true;
    }

    /// <summary>At or after the cut-off: freezes the window as its manifest and records ManifestCreated. Whether this turn built it.</summary>
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
        await CommitAsync([Event("ManifestCreated", manifest)], null, Index());
        return true;
    }

    /// <summary>
    /// The manifest of one occurrence of a pickup schedule (the key names the schedule and the cut-off), created once:
    /// a re-fire of the same occurrence, or a second node, finds it built. Whether this turn built it.
    /// </summary>
    public async Task<bool> BuildScheduledManifestAsync(PickupSchedule schedule, PickupSlot slot)
    {
        if (State.ManifestedAt is not null) return false;
        (State.Slot, State.ScheduleId, State.Location, State.ManifestedAt) = (slot, schedule.Id, schedule.Location, Now);
        var manifest = new { ManifestId = Key.Id, ScheduleId = schedule.Id, slot.CarrierId, slot.StartUtc, slot.EndUtc, slot.TimeZone, schedule.Location };
        await CommitAsync([Event("ManifestCreated", manifest)], null, Index());
        return true;
    }

    public Proto.Manifest? Manifest() =>
        State.ManifestedAt is { } at && State.Slot is { } slot ? PickupMapper.ToProto(Key.Id, State, slot, at, withStops: true) : null;

    private List<IndexEntry> Index()
    {
        if (State.Slot is not { } slot || (State.Stops.Count == 0 && State.ManifestedAt is null)) return [];
        return State.ManifestedAt is null
            ? [DueIndex.Entry(ManifestDue, slot.CutoffUtc), new(CarrierIndex, slot.CarrierId)]
            : [new(ManifestIndex, "built"), new(CarrierIndex, slot.CarrierId), .. State.ScheduleId is { } id ? [new IndexEntry(ScheduleIndex, id)] : Array.Empty<IndexEntry>()];
    }

    private NewEvent Event(string type, object data) => new(type, JsonSerializer.Serialize(data, DomainJson.Options), "system:pickups", Now);
}
