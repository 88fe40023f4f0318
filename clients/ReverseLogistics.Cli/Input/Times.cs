using System.Globalization;
using Google.Protobuf.WellKnownTypes;

namespace ReverseLogistics.Cli.Input;

/// <summary>Dates and times as typed on a command line or in a CSV: "2026-11-23" (midnight UTC) or an ISO 8601 time with an offset.</summary>
public static class Times
{
    public static bool TryParse(string text, out Timestamp timestamp)
    {
        timestamp = new Timestamp();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            timestamp = Timestamp.FromDateTime(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            timestamp = Timestamp.FromDateTimeOffset(time);
            return true;
        }
        return false;
    }

    public static Timestamp Parse(string text, string what) =>
        TryParse(text, out var timestamp) ? timestamp
            : throw new CliUsageException($"{what}: '{text}' is neither a date (YYYY-MM-DD) nor an ISO 8601 time.");

    public static string Format(Timestamp? timestamp) =>
        timestamp?.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
