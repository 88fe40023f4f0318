using System.Text.RegularExpressions;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Pickups;

/// <summary>The rules of a pickup schedule's definition; the cron expression's syntax is the scheduler's to check.</summary>
public static partial class PickupScheduleValidator
{
    public static void Check(Validator v, PickupSchedule s, Func<string, bool> carrierExists)
    {
        v.Require(Id().IsMatch(s.Id), "schedule.schedule_id", "2-40 upper-case letters, digits or hyphens");
        v.Require(s.CarrierId.Length > 0 && carrierExists(s.CarrierId), "schedule.carrier_id", "a carrier of the network");
        var l = s.Location;
        v.Require(l.Id.Trim().Length is > 0 and <= 64, "schedule.location.location_id", "required, at most 64 characters");
        v.Require(Enum.IsDefined(l.Kind), "schedule.location.kind", "fulfillment_center, drop_off_point or store");
        v.Require(l.AddressLines.Count > 0 && l.AddressLines.All(a => a.Trim().Length > 0), "schedule.location.address_lines", "at least one, none blank");
        v.Require(l.City.Trim().Length > 0, "schedule.location.city", "required");
        v.Require(CountryCodes.IsAssigned(l.CountryCode), "schedule.location.country_code", "an assigned ISO 3166-1 alpha-2 code, upper case");
        v.Require(TimeZoneInfo.TryFindSystemTimeZoneById(l.TimeZone, out _), "schedule.location.time_zone", "an IANA time zone id such as Europe/Berlin");
        v.Require(s.PickupAfter > TimeSpan.Zero && s.PickupAfter <= TimeSpan.FromDays(1), "schedule.cutoff_minutes", "between 0 and 1440");
        v.Require(s.Window > TimeSpan.Zero && s.Window <= TimeSpan.FromDays(1), "schedule.window_minutes", "between 0 and 1440");
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,39}$")]
    private static partial Regex Id();
}
