using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Pickups;

/// <summary>
/// Which carrier windows can collect a return, in the order they are offered: earliest start first, then
/// carrier id, so two nodes offer the same slots in the same order. Windows whose cut-off has passed are
/// never offered. No I/O: capacity is the window actors' to enforce.
/// </summary>
public static class PickupPlanner
{
    /// <summary>Carriers that collect carrier pickups at <paramref name="address"/> and deliver to <paramref name="centerId"/>, by id.</summary>
    public static IReadOnlyList<Carrier> CarriersFor(IEnumerable<Carrier> carriers, CustomerAddress address, string centerId) =>
    [
        .. carriers
            .Where(c => c.ReturnMethods.Contains(ReturnMethod.CarrierPickup) && c.PickupWindows.Count > 0)
            .Where(c => c.Covers(address.CountryCode, address.PostalCode))
            .Where(c => c.CenterIds.Count == 0 || c.CenterIds.Contains(centerId))
            .OrderBy(c => c.Id, StringComparer.Ordinal),
    ];

    /// <summary>The slots on one local date (only the window starting at <see cref="PickupRequest.WindowStarts"/> when given).</summary>
    public static IReadOnlyList<PickupSlot> SlotsOn(IReadOnlyList<Carrier> carriers, PickupRequest request, TimeZoneInfo zone, DateTime now) =>
    [
        .. SlotsOnDate(carriers, request.Date, zone)
            .Where(s => request.WindowStarts is not { } starts || s.Starts == starts)
            .Where(s => s.CutoffUtc > now)
            .OrderBy(s => s.StartUtc).ThenBy(s => s.CarrierId, StringComparer.Ordinal),
    ];

    /// <summary>Every slot starting after <paramref name="afterUtc"/> whose cut-off is still ahead, within the booking horizon, in offer order.</summary>
    public static IEnumerable<PickupSlot> SlotsAfter(IReadOnlyList<Carrier> carriers, DateTime afterUtc, TimeZoneInfo zone, DateTime now)
    {
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(afterUtc, zone));
        for (var day = 0; day <= PickupRules.BookingHorizonDays; day++)
        {
            var slots = SlotsOnDate(carriers, first.AddDays(day), zone)
                .Where(s => s.StartUtc > afterUtc && s.CutoffUtc > now)
                .OrderBy(s => s.StartUtc).ThenBy(s => s.CarrierId, StringComparer.Ordinal);
            foreach (var slot in slots) yield return slot;
        }
    }

    private static IEnumerable<PickupSlot> SlotsOnDate(IReadOnlyList<Carrier> carriers, DateOnly date, TimeZoneInfo zone)
    {
        foreach (var carrier in carriers)
        {
            foreach (var window in carrier.PickupWindows.Where(w => w.Day == date.DayOfWeek))
            {
                var starts = date.ToDateTime(window.Starts);
                var ends = date.ToDateTime(window.Ends);
                if (zone.IsInvalidTime(starts) || zone.IsInvalidTime(ends)) continue; // inside a daylight-saving gap
                var startUtc = TimeZoneInfo.ConvertTimeToUtc(starts, zone);
                yield return new PickupSlot(carrier.Id, date, window.Starts, window.Ends, zone.Id, startUtc,
                    TimeZoneInfo.ConvertTimeToUtc(ends, zone), startUtc - carrier.PickupCutoff, window.Capacity);
            }
        }
    }
}
