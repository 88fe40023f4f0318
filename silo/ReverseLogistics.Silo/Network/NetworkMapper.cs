using System.Globalization;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Silo.Policies;
using Proto = ReverseLogistics.V1;

namespace ReverseLogistics.Silo.Network;

/// <summary>
/// Maps the network between the wire and the domain. What cannot be mapped (an unknown enum value,
/// a time that is not "HH:MM") is recorded on the validator under the request's field path.
/// </summary>
public static class NetworkMapper
{
    public static FulfillmentCenter ToDomain(Proto.FulfillmentCenter c, Validator v, string path) => new()
    {
        Id = c.FulfillmentCenterId,
        Name = c.Name,
        AddressLines = [.. c.AddressLines],
        City = c.City,
        PostalCode = c.PostalCode,
        CountryCode = c.CountryCode,
        Location = c.Location is { } l ? new GeoPoint(l.Latitude, l.Longitude) : Required(v, $"{path}.location", new GeoPoint()),
        TimeZone = c.TimeZone,
        CategoriesAccepted = [.. c.CategoriesAccepted],
        Services = ToDomain(c.Services, v, $"{path}.services"),
        DailyCapacity = c.DailyCapacity,
        OpeningHours = [.. c.OpeningHours.Select((h, i) => new OpeningHours(
            Day(h.Day, v, $"{path}.opening_hours[{i}].day"),
            Time(h.Opens, v, $"{path}.opening_hours[{i}].opens"),
            Time(h.Closes, v, $"{path}.opening_hours[{i}].closes")))],
        Status = c.Status switch
        {
            Proto.CenterStatus.Unspecified or Proto.CenterStatus.Active => CenterStatus.Active,
            Proto.CenterStatus.Paused => CenterStatus.Paused,
            _ => Invalid(v, $"{path}.status", "active or paused", CenterStatus.Active),
        },
        TenantsServed = [.. c.TenantsServed],
    };

    public static Proto.FulfillmentCenter ToProto(FulfillmentCenter c, DateTime created, DateTime updated, IEnumerable<(DateOnly Day, int Units)> load)
    {
        var proto = new Proto.FulfillmentCenter
        {
            FulfillmentCenterId = c.Id,
            Name = c.Name,
            City = c.City,
            PostalCode = c.PostalCode,
            CountryCode = c.CountryCode,
            Location = new Proto.GeoLocation { Latitude = c.Location.Latitude, Longitude = c.Location.Longitude },
            TimeZone = c.TimeZone,
            DailyCapacity = c.DailyCapacity,
            Status = c.Status == CenterStatus.Paused ? Proto.CenterStatus.Paused : Proto.CenterStatus.Active,
            CreateTime = Timestamp.FromDateTime(created),
            UpdateTime = Timestamp.FromDateTime(updated),
        };
        proto.AddressLines.AddRange(c.AddressLines);
        proto.CategoriesAccepted.AddRange(c.CategoriesAccepted);
        proto.Services.AddRange(ToProto(c.Services));
        proto.OpeningHours.AddRange(c.OpeningHours.Select(h => new Proto.OpeningHours { Day = ToProto(h.Day), Opens = Text(h.Opens), Closes = Text(h.Closes) }));
        proto.TenantsServed.AddRange(c.TenantsServed);
        proto.Load.AddRange(load.Select(l => new Proto.DailyLoad { Day = Text(l.Day), ExpectedUnits = l.Units }));
        return proto;
    }

    public static Carrier ToDomain(Proto.Carrier c, Validator v, string path) => new()
    {
        Id = c.CarrierId,
        Name = c.Name,
        ServiceAreas = [.. c.ServiceAreas.Select(a => new ServiceArea(a.CountryCode, [.. a.PostalPrefixes]))],
        ReturnMethods = [.. c.ReturnMethods.Select(m => (Domain.Returns.ReturnMethod)(int)m)],
        CostPerParcel = c.CostPerParcel is { } cost ? PolicyMapper.ToDomain(cost) : Required(v, $"{path}.cost_per_parcel", default(Domain.Pricing.Money)),
        CountryRates = [.. c.CountryRates.Select((r, i) => new CountryRate(r.CountryCode,
            r.CostPerParcel is { } rate ? PolicyMapper.ToDomain(rate) : Required(v, $"{path}.country_rates[{i}].cost_per_parcel", default(Domain.Pricing.Money))))],
        CenterIds = [.. c.FulfillmentCenterIds],
        PickupWindows = [.. c.PickupWindows.Select((w, i) => new PickupWindow(
            Day(w.Day, v, $"{path}.pickup_windows[{i}].day"),
            Time(w.Starts, v, $"{path}.pickup_windows[{i}].starts"),
            Time(w.Ends, v, $"{path}.pickup_windows[{i}].ends"),
            w.Capacity))],
        PickupCutoff = c.PickupCutoffMinutes == 0 ? Carrier.DefaultPickupCutoff : TimeSpan.FromMinutes(c.PickupCutoffMinutes),
        LabelFormat = c.LabelFormat switch
        {
            Proto.LabelFormat.Unspecified or Proto.LabelFormat.Pdf => CarrierLabelFormat.Pdf,
            Proto.LabelFormat.Zpl => CarrierLabelFormat.Zpl,
            Proto.LabelFormat.Png => CarrierLabelFormat.Png,
            _ => Invalid(v, $"{path}.label_format", "pdf, zpl or png", CarrierLabelFormat.Pdf),
        },
    };

    public static Proto.Carrier ToProto(Carrier c, DateTime created, DateTime updated)
    {
        var proto = new Proto.Carrier
        {
            CarrierId = c.Id,
            Name = c.Name,
            CostPerParcel = PolicyMapper.ToProto(c.CostPerParcel),
            LabelFormat = c.LabelFormat switch
            {
                CarrierLabelFormat.Zpl => Proto.LabelFormat.Zpl,
                CarrierLabelFormat.Png => Proto.LabelFormat.Png,
                _ => Proto.LabelFormat.Pdf,
            },
            CreateTime = Timestamp.FromDateTime(created),
            UpdateTime = Timestamp.FromDateTime(updated),
            PickupCutoffMinutes = (int)c.PickupCutoff.TotalMinutes,
        };
        proto.ServiceAreas.AddRange(c.ServiceAreas.Select(a => new Proto.ServiceArea { CountryCode = a.CountryCode, PostalPrefixes = { a.PostalPrefixes } }));
        proto.ReturnMethods.AddRange(c.ReturnMethods.Select(m => (Proto.ReturnMethod)(int)m));
        proto.CountryRates.AddRange(c.CountryRates.Select(r => new Proto.CountryRate { CountryCode = r.CountryCode, CostPerParcel = PolicyMapper.ToProto(r.CostPerParcel) }));
        proto.FulfillmentCenterIds.AddRange(c.CenterIds);
        proto.PickupWindows.AddRange(c.PickupWindows.Select(w => new Proto.PickupWindow
        {
            Day = ToProto(w.Day), Starts = Text(w.Starts), Ends = Text(w.Ends), Capacity = w.Capacity,
        }));
        return proto;
    }

    public static TenantContract ToDomain(Proto.TenantContract c, Validator v, string path) => new(c.TenantId, [.. c.FulfillmentCenterIds])
    {
        CategoryServices = [.. c.CategoryServices.Select((r, i) => new CategoryServices(r.Category, ToDomain(r.Services, v, $"{path}.category_services[{i}].services")))],
    };

    public static Proto.TenantContract ToProto(TenantContract c, DateTime updated)
    {
        var proto = new Proto.TenantContract { TenantId = c.TenantId, UpdateTime = Timestamp.FromDateTime(updated) };
        proto.FulfillmentCenterIds.AddRange(c.CenterIds);
        proto.CategoryServices.AddRange(c.CategoryServices.Select(r => new Proto.CategoryServices { Category = r.Category, Services = { ToProto(r.Services) } }));
        return proto;
    }

    public static CenterServices ToDomain(RepeatedField<Proto.CenterService> services, Validator v, string path)
    {
        var result = CenterServices.None;
        for (var i = 0; i < services.Count; i++)
        {
            var flag = services[i] switch
            {
                Proto.CenterService.Grading => CenterServices.Grading,
                Proto.CenterService.Refurbishment => CenterServices.Refurbishment,
                Proto.CenterService.Hazmat => CenterServices.Hazmat,
                Proto.CenterService.Liquidation => CenterServices.Liquidation,
                _ => Invalid(v, $"{path}[{i}]", "grading, refurbishment, hazmat or liquidation", CenterServices.None),
            };
            v.Require(flag == CenterServices.None || (result & flag) == 0, $"{path}[{i}]", "listed once");
            result |= flag;
        }
        return result;
    }

    public static IEnumerable<Proto.CenterService> ToProto(CenterServices services) =>
        new[] { CenterServices.Grading, CenterServices.Refurbishment, CenterServices.Hazmat, CenterServices.Liquidation }
            .Where(s => services.HasFlag(s))
            .Select(s => s switch
            {
                CenterServices.Grading => Proto.CenterService.Grading,
                CenterServices.Refurbishment => Proto.CenterService.Refurbishment,
                CenterServices.Hazmat => Proto.CenterService.Hazmat,
                _ => Proto.CenterService.Liquidation,
            });

    /// <summary>
    /// Runs the domain's checks and reports their violations, renamed to the request's fields,
    /// together with those the mapping found.
    /// </summary>
    public static void Validate(Validator mapping, Action domainCheck, params (string Domain, string Wire)[] renames)
    {
        try
        {
            domainCheck();
        }
        catch (InvalidInputException e)
        {
            foreach (var violation in e.Violations)
            {
                var field = violation.Field;
                foreach (var (domain, wire) in renames)
                    if (field == domain || field.StartsWith(domain + ".", StringComparison.Ordinal) || field.StartsWith(domain + "[", StringComparison.Ordinal))
                    {
                        field = wire + field[domain.Length..];
                        break;
                    }
                mapping.Require(false, field, violation.Description);
            }
        }
        mapping.ThrowIfInvalid();
    }

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Text(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static TimeOnly Time(string text, Validator v, string field) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : Invalid(v, field, "a local time \"HH:MM\", 24-hour", TimeOnly.MinValue);

    private static DayOfWeek Day(Proto.Weekday day, Validator v, string field) => day switch
    {
        >= Proto.Weekday.Monday and <= Proto.Weekday.Saturday => (DayOfWeek)(int)day,
        Proto.Weekday.Sunday => DayOfWeek.Sunday,
        _ => Invalid(v, field, "a weekday", DayOfWeek.Monday),
    };

    private static Proto.Weekday ToProto(DayOfWeek day) => day == DayOfWeek.Sunday ? Proto.Weekday.Sunday : (Proto.Weekday)(int)day;

    private static T Required<T>(Validator v, string field, T placeholder) => Invalid(v, field, "required", placeholder);

    private static T Invalid<T>(Validator v, string field, string description, T placeholder)
    {
        v.Require(false, field, description);
        return placeholder;
    }
}
