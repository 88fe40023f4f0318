using ReverseLogistics.Domain.Routing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Grains.Network;
using Orleans;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Pickups;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Pickups;

/// <summary>
/// Finds a carrier window for a return's pickup and books it on the window's grain, which has the last
/// word on capacity: the planner offers slots in a fixed order and the first window with room wins.
/// Windows are read in the time zone of the return's routed centre (UTC for the default centre).
/// </summary>
public sealed class PickupBooker(NetworkSnapshot snapshot, IGrainFactory grains)
{
    /// <summary>Windows tried when rebooking a missed pickup before giving up.</summary>
    private const int RebookAttempts = 50;

    public async Task<PickupSlot> BookAsync(ActorKey returnKey, ReturnRecord record, PickupRequest request, DateTime now)
    {
        var (carriers, zone) = await OptionsAsync(record);
        var slots = PickupPlanner.SlotsOn(carriers, request, zone, now);
        var wanted = $"{PickupText.Text(request.Date)}{(request.WindowStarts is { } starts ? " at " + PickupText.Text(starts) : "")} ({zone.Id})";
        if (slots.Count == 0)
            throw new PreconditionFailedException($"No carrier pickup window on {wanted} is still open for booking (carriers: {Names(carriers)}).");
        var stop = StopOf(returnKey, record);
        foreach (var slot in slots)
            if (await grains.CarrierWindow(slot.WindowId).BookAsync(slot, stop)) return slot;
        throw new CapacityExhaustedException($"Every carrier pickup window on {wanted} is full: {string.Join(", ", slots.Select(s => s.WindowId))}.");
    }

    /// <summary>The first window after <paramref name="now"/> with room, booked; null when none within the horizon has room (or no carrier serves the return now).</summary>
    public async Task<PickupSlot?> RebookAsync(ActorKey returnKey, ReturnRecord record, DateTime now)
    {
        IReadOnlyList<Carrier> carriers;
        TimeZoneInfo zone;
        try
        {
            (carriers, zone) = await OptionsAsync(record);
        }
        catch (PreconditionFailedException)
        {
            return null; // rerouted to a centre no carrier here delivers to, say: the timer raises the return instead
        }
        var stop = StopOf(returnKey, record);
        foreach (var slot in PickupPlanner.SlotsAfter(carriers, now, zone, now).Take(RebookAttempts))
            if (await grains.CarrierWindow(slot.WindowId).BookAsync(slot, stop)) return slot;
        return null;
    }

    public Task ReleaseAsync(PickupSlot slot, ActorKey returnKey) =>
        grains.CarrierWindow(slot.WindowId).ReleaseAsync(returnKey.TenantId, returnKey.Id);

    private async Task<(IReadOnlyList<Carrier> Carriers, TimeZoneInfo Zone)> OptionsAsync(ReturnRecord record)
    {
        var centerId = record.Destination?.FulfillmentCenterId
            ?? throw new PreconditionFailedException("The return is not routed to a centre yet; no pickup can be booked.");
        var view = await snapshot.CurrentAsync(CancellationToken.None);
        var address = record.Request.CustomerAddress;
        var carriers = PickupPlanner.CarriersFor(view.Carriers, address, centerId);
        if (carriers.Count == 0)
            throw new PreconditionFailedException(
                $"No carrier collects carrier pickups at {address.PostalCode} {address.CountryCode} for centre {centerId}.");
        var zone = view.Centers.TryGetValue(centerId, out var center) && center.TimeZone.Length > 0
            ? TimeZoneInfo.FindSystemTimeZoneById(center.TimeZone)
            : TimeZoneInfo.Utc;
        return (carriers, zone);
    }

    private static ManifestStop StopOf(ActorKey returnKey, ReturnRecord record) =>
        new(returnKey.TenantId, returnKey.Id, record.TrackingNumber, record.CustomerName, record.Request.CustomerAddress);

    private static string Names(IEnumerable<Carrier> carriers) => string.Join(", ", carriers.Select(c => c.Id));
}
