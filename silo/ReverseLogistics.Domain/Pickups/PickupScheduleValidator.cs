using System.Text.RegularExpressions;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Pickups;

/// <summary>The rules of a pickup schedule's definition; the cron expression's syntax is the scheduler's to check.</summary>
public static partial class PickupScheduleValidator
{
    public const int MaxAddressLines = 4;

    public static void Check(Validator v, PickupSchedule s, Func<string, bool> carrierExists)
    {
        v.Require(Id().IsMatch(s.Id), "schedule.schedule_id", "2-40 upper-case letters, digits or hyphens");
        v.Require(s.CarrierId.Length > 0 && carrierExists(s.CarrierId), "schedule.carrier_id", "a carrier of the network");
        var l = s.Location;
        v.Require(l.Id.Trim().Length is > 0 and <= 64, "schedule.location.location_id", "required, at most 64 characters");
        v.Require(Enum.IsDefined(l.Kind), "schedule.location.kind", "fulfillment_center, drop_off_point or store");
        // The same address rules as a fulfilment centre's: the carrier's driver reads them off the manifest.
        v.Require(l.Name.Length <= NetworkValidator.MaxText, "schedule.location.name", $"at most {NetworkValidator.MaxText} characters");
        v.Require(l.AddressLines.Count is >= 1 and <= MaxAddressLines && l.AddressLines.All(a => a.Trim().Length is > 0 and <= NetworkValidator.MaxText),
            "schedule.location.address_lines", $"1-{MaxAddressLines} lines, none blank, each at most {NetworkValidator.MaxText} characters");
        v.Require(l.City.Trim().Length is > 0 and <= NetworkValidator.MaxText, "schedule.location.city", $"required, at most {NetworkValidator.MaxText} characters");
        v.Require(CountryCodes.IsAssigned(l.CountryCode), "schedule.location.country_code", "an assigned ISO 3166-1 alpha-2 code, upper case");
        v.Require(TimeZoneInfo.TryFindSystemTimeZoneById(l.TimeZone, out _), "schedule.location.time_zone", "an IANA time zone id such as Europe/Berlin");
        v.Require(s.PickupAfter > TimeSpan.Zero && s.PickupAfter <= TimeSpan.FromDays(1), "schedule.cutoff_minutes", "between 0 and 1440");
        v.Require(s.Window > TimeSpan.Zero && s.Window <= TimeSpan.FromDays(1), "schedule.window_minutes", "between 0 and 1440");
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,39}$")]
    private static partial Regex Id();
}
