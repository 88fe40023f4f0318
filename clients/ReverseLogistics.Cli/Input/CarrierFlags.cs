using System.Globalization;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Input;

/// <summary>A carrier's repeated parts as typed on the command line: "US:972,973" areas, "DE:450" rates, "monday:09:00-12:00:20" windows.</summary>
public static class CarrierFlags
{
    public static ServiceArea Area(string text)
    {
        var parts = text.Split(':', 2);
        var area = new ServiceArea { CountryCode = parts[0].Trim() };
        if (parts.Length == 2) area.PostalPrefixes.AddRange(parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return area;
    }

    public static CountryRate Rate(string text, string currency)
    {
        var parts = text.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var minorUnits))
            throw new CliUsageException($"--rate '{text}' is not COUNTRY:MINOR-UNITS, e.g. DE:450.");
        return new CountryRate { CountryCode = parts[0], CostPerParcel = new Money { MinorUnits = minorUnits, CurrencyCode = currency } };
    }

    public static PickupWindow Window(string text)
    {
        // day:HH:MM-HH:MM:capacity
        var parts = text.Split(':');
        if (parts.Length == 5 && Choices.TryParse<Weekday>(parts[0], out var day) && parts[2].Split('-') is [var startMinute, var endHour]
            && int.TryParse(parts[4], CultureInfo.InvariantCulture, out var capacity))
            return new PickupWindow { Day = day, Starts = $"{parts[1]}:{startMinute}", Ends = $"{endHour}:{parts[3]}", Capacity = capacity };
        throw new CliUsageException($"--window '{text}' is not DAY:HH:MM-HH:MM:CAPACITY, e.g. monday:09:00-12:00:20.");
    }

    public static string Describe(ServiceArea area) =>
        area.PostalPrefixes.Count == 0 ? area.CountryCode : $"{area.CountryCode} {string.Join(",", area.PostalPrefixes)}";

    public static string Describe(PickupWindow window) =>
        $"{Choices.Kebab(window.Day.ToString())} {window.Starts}-{window.Ends} ({window.Capacity})";
}
