using System.Globalization;
using ReverseLogistics.Domain.Analytics;

namespace ReverseLogistics.Domain.Network;

/// <summary>
/// The counters a fulfilment centre's figures are kept in (docs/analytics.md): each key starts with the centre's id, so one
/// centre is one range of keys, and a day follows it ("FC-1|2026-03-14"), so a centre's days are one range too.
/// </summary>
public static class CenterCounters
{
    /// <summary>Units the returns routed to a centre expect to bring on their arrival day, while they hold that booking.</summary>
    public const string Bookings = "bookings.centre.day";
    /// <summary>Parcels arrived (first handheld scan) per day.</summary>
    public const string Arrivals = "arrivals.centre.day";
    /// <summary>Units received, on the day their parcel arrived.</summary>
    public const string UnitsReceived = "units_received.centre.day";
    /// <summary>Units received and not yet inspected, by the day their parcel arrived.</summary>
    public const string Backlog = "backlog.centre.day";
    /// <summary>Units disposed of, per centre, SKU, resale SKU, grade and disposition.</summary>
    public const string Inventory = "inventory.centre";

    public static string DayKey(string centerId, DateOnly day) => $"{Prefix(centerId)}{Day(day)}";

    /// <summary>What every key of the centre starts with: its escaped id and the separator.</summary>
    public static string Prefix(string centerId) => CounterNames.Escape(centerId) + CounterNames.Separator;

    /// <summary>The centre's day keys from <paramref name="first"/> on.</summary>
    public static KeyRange From(string centerId, DateOnly first) => new(DayKey(centerId, first), KeyRange.Prefix(Prefix(centerId)).To);

    /// <summary>The centre's day keys from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static KeyRange Days(string centerId, DayRange days) => new(DayKey(centerId, days.First), DayKey(centerId, days.Last.AddDays(1)));

    /// <summary>The centre and the day of a day key.</summary>
    public static (string CenterId, DateOnly Day) ParseDayKey(string key) =>
        CounterNames.Split(key) is [var centerId, var day]
            ? (centerId, DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture))
            : throw new FormatException($"Counter key '{key}' is not a centre and a day.");

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
