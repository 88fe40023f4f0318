using System.Text.RegularExpressions;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.Domain.Network;

/// <summary>
/// Checks centres, carriers, contracts and whole networks, reporting every violation by its
/// snake_case field path ("center.location.latitude", "carriers[2].service_areas[0].country_code").
/// </summary>
public static partial class NetworkValidator
{
    public const int MaxText = 100;

    /// <summary>The shape of a centre or carrier id: 2-40 upper-case letters, digits or hyphens.</summary>
    public static bool IsValidId(string id) => Id().IsMatch(id);

    public static void Validate(FulfillmentCenter center) => Throw(v => Check(v, center, "center"));

    public static void Validate(Carrier carrier) => Throw(v => Check(v, carrier, "carrier"));

    public static void Validate(TenantContract contract) => Throw(v => Check(v, contract, "contract"));

    /// <summary>Each part, plus what only the whole can tell: unique ids, known references, one pricing currency.</summary>
    public static void Validate(FulfillmentNetwork network) => Throw(v =>
    {
        var centerIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < network.Centers.Count; i++)
        {
            Check(v, network.Centers[i], $"centers[{i}]");
            v.Require(centerIds.Add(network.Centers[i].Id), $"centers[{i}].id", "unique in the network");
        }

        var carrierIds = new HashSet<string>(StringComparer.Ordinal);
        var currency = network.Carriers.Count > 0 ? network.Carriers[0].CostPerParcel.CurrencyCode : "";
        for (var i = 0; i < network.Carriers.Count; i++)
        {
            var carrier = network.Carriers[i];
            Check(v, carrier, $"carriers[{i}]");
            v.Require(carrierIds.Add(carrier.Id), $"carriers[{i}].id", "unique in the network");
            // Routing compares carrier prices, so every price is in one currency.
            v.Require(carrier.CostPerParcel.CurrencyCode == currency, $"carriers[{i}].cost_per_parcel.currency_code", $"every carrier prices in {currency}");
            RequireKnown(v, carrier.CenterIds, centerIds, $"carriers[{i}].center_ids");
        }

        var tenants = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < network.Contracts.Count; i++)
        {
            Check(v, network.Contracts[i], $"contracts[{i}]");
            v.Require(tenants.Add(network.Contracts[i].TenantId), $"contracts[{i}].tenant_id", "one contract per tenant");
            RequireKnown(v, network.Contracts[i].CenterIds, centerIds, $"contracts[{i}].center_ids");
        }
    });

    private static void Check(Validator v, FulfillmentCenter c, string path)
    {
        v.Require(Id().IsMatch(c.Id), $"{path}.id", "2-40 upper-case letters, digits or hyphens, e.g. FC-BER-1");
        RequireText(v, c.Name, $"{path}.name");
        v.Require(c.AddressLines.Count is >= 1 and <= 4, $"{path}.address_lines", "1-4 lines");
        for (var i = 0; i < c.AddressLines.Count; i++) RequireText(v, c.AddressLines[i], $"{path}.address_lines[{i}]");
        RequireText(v, c.City, $"{path}.city");
        v.Require(PostalCode().IsMatch(c.PostalCode), $"{path}.postal_code", "1-12 letters, digits, spaces or hyphens");
        v.Require(CountryCodes.IsAssigned(c.CountryCode), $"{path}.country_code", "an assigned ISO 3166-1 alpha-2 code, upper case");
        v.Require(double.IsFinite(c.Location.Latitude) && c.Location.Latitude is >= -90 and <= 90, $"{path}.location.latitude", "-90 to 90 degrees");
        v.Require(double.IsFinite(c.Location.Longitude) && c.Location.Longitude is >= -180 and <= 180, $"{path}.location.longitude", "-180 to 180 degrees");
        // A zone the runtime knows, as pickup schedules require: returns routed to the centre are scheduled in it.
        v.Require(TimeZone().IsMatch(c.TimeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(c.TimeZone, out _), $"{path}.time_zone",
            "an IANA time zone id such as Europe/Berlin");
        RequireDistinctTexts(v, c.CategoriesAccepted, $"{path}.categories_accepted");
        v.Require((c.Services & ~CenterServices.All) == 0, $"{path}.services", "only grading, refurbishment, hazmat and liquidation");
        v.Require(c.DailyCapacity >= 0, $"{path}.daily_capacity", "not negative");
        var days = new HashSet<DayOfWeek>();
        for (var i = 0; i < c.OpeningHours.Count; i++)
        {
            var hours = c.OpeningHours[i];
            v.Require(Enum.IsDefined(hours.Day), $"{path}.opening_hours[{i}].day", "a weekday");
            v.Require(days.Add(hours.Day), $"{path}.opening_hours[{i}].day", "one entry per weekday");
            v.Require(hours.Closes > hours.Opens, $"{path}.opening_hours[{i}].closes", "after opens");
        }
        v.Require(Enum.IsDefined(c.Status), $"{path}.status", "active or paused");
        var tenants = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < c.TenantsServed.Count; i++)
        {
            v.Require(TenantIds.IsValidMerchantId(c.TenantsServed[i]), $"{path}.tenants_served[{i}]", TenantIds.Rule);
            v.Require(tenants.Add(c.TenantsServed[i]), $"{path}.tenants_served[{i}]", "listed once");
        }
    }

    private static void Check(Validator v, Carrier c, string path)
    {
        v.Require(Id().IsMatch(c.Id), $"{path}.id", "2-40 upper-case letters, digits or hyphens");
        RequireText(v, c.Name, $"{path}.name");
        v.Require(c.ServiceAreas.Count > 0, $"{path}.service_areas", "at least one");
        for (var i = 0; i < c.ServiceAreas.Count; i++)
        {
            var area = c.ServiceAreas[i];
            v.Require(CountryCodes.IsAssigned(area.CountryCode), $"{path}.service_areas[{i}].country_code", "an assigned ISO 3166-1 alpha-2 code, upper case");
            for (var p = 0; p < area.PostalPrefixes.Count; p++)
                v.Require(PostalPrefix().IsMatch(area.PostalPrefixes[p]), $"{path}.service_areas[{i}].postal_prefixes[{p}]", "1-12 letters or digits");
        }
        v.Require(c.ReturnMethods.Count > 0, $"{path}.return_methods", "at least one");
        v.Require(c.ReturnMethods.Distinct().Count() == c.ReturnMethods.Count, $"{path}.return_methods", "each method once");
        for (var i = 0; i < c.ReturnMethods.Count; i++)
            v.Require(Enum.IsDefined(c.ReturnMethods[i]), $"{path}.return_methods[{i}]", "carrier_pickup, drop_off_point or in_store");
        RequireCost(v, c.CostPerParcel, c.CostPerParcel.CurrencyCode, $"{path}.cost_per_parcel");
        var countries = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < c.CountryRates.Count; i++)
        {
            var rate = c.CountryRates[i];
            v.Require(CountryCodes.IsAssigned(rate.CountryCode), $"{path}.country_rates[{i}].country_code", "an assigned ISO 3166-1 alpha-2 code, upper case");
            v.Require(countries.Add(rate.CountryCode), $"{path}.country_rates[{i}].country_code", "one rate per country");
            RequireCost(v, rate.CostPerParcel, c.CostPerParcel.CurrencyCode, $"{path}.country_rates[{i}].cost_per_parcel");
        }
        RequireDistinctTexts(v, c.CenterIds, $"{path}.center_ids");
        for (var i = 0; i < c.PickupWindows.Count; i++)
        {
            var window = c.PickupWindows[i];
            v.Require(Enum.IsDefined(window.Day), $"{path}.pickup_windows[{i}].day", "a weekday");
            v.Require(window.Ends > window.Starts, $"{path}.pickup_windows[{i}].ends", "after starts");
            v.Require(window.Capacity >= 1, $"{path}.pickup_windows[{i}].capacity", "at least 1 pickup");
            v.Require(!c.PickupWindows.Take(i).Any(w => w.Day == window.Day && w.Starts < window.Ends && window.Starts < w.Ends),
                $"{path}.pickup_windows[{i}]", "overlaps an earlier window on the same day");
        }
        v.Require(Enum.IsDefined(c.LabelFormat), $"{path}.label_format", "pdf, zpl or png");
        v.Require(c.PickupCutoff >= TimeSpan.Zero && c.PickupCutoff <= TimeSpan.FromDays(7), $"{path}.pickup_cutoff_minutes", "between 0 and 10080");
    }

    private static void Check(Validator v, TenantContract c, string path)
    {
        v.Require(TenantIds.IsValidMerchantId(c.TenantId), $"{path}.tenant_id", TenantIds.Rule);
        v.Require(c.CenterIds.Count > 0, $"{path}.center_ids", "at least one centre");
        RequireDistinctTexts(v, c.CenterIds, $"{path}.center_ids");
        var categories = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < c.CategoryServices.Count; i++)
        {
            var rule = c.CategoryServices[i];
            RequireText(v, rule.Category, $"{path}.category_services[{i}].category");
            v.Require(categories.Add(rule.Category), $"{path}.category_services[{i}].category", "one rule per category");
            v.Require(rule.Services != CenterServices.None && (rule.Services & ~CenterServices.All) == 0,
                $"{path}.category_services[{i}].services", "at least one of grading, refurbishment, hazmat and liquidation");
        }
    }

    private static void RequireCost(Validator v, Money cost, string currency, string path)
    {
        v.Require(cost.MinorUnits >= 0, $"{path}.minor_units", "not negative");
        v.Require(Money.IsValidCurrencyCode(cost.CurrencyCode), $"{path}.currency_code", "an ISO 4217 code, three upper-case letters");
        v.Require(cost.CurrencyCode == currency, $"{path}.currency_code", $"the carrier's currency, {currency}");
    }

    private static void RequireKnown(Validator v, IReadOnlyList<string> ids, HashSet<string> known, string path)
    {
        for (var i = 0; i < ids.Count; i++) v.Require(known.Contains(ids[i]), $"{path}[{i}]", "a centre in the network");
    }

    private static void RequireDistinctTexts(Validator v, IReadOnlyList<string> values, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            RequireText(v, values[i], $"{path}[{i}]");
            v.Require(seen.Add(values[i]), $"{path}[{i}]", "listed once");
        }
    }

    private static void RequireText(Validator v, string value, string field)
    {
        v.Require(!string.IsNullOrWhiteSpace(value), field, "required");
        v.Require(value.Length <= MaxText, field, $"at most {MaxText} characters");
    }

    private static void Throw(Action<Validator> check)
    {
        var v = new Validator();
        check(v);
        v.ThrowIfInvalid();
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{0,38}[A-Z0-9]$")]
    private static partial Regex Id();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 -]{0,11}$")]
    private static partial Regex PostalCode();

    [GeneratedRegex("^[A-Za-z0-9]{1,12}$")]
    private static partial Regex PostalPrefix();

    [GeneratedRegex("^(UTC|[A-Z][A-Za-z_-]+(/[A-Za-z0-9_+-]+){1,2})$")]
    private static partial Regex TimeZone();
}
