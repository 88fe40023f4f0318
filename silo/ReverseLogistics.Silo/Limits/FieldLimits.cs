using Google.Protobuf.Reflection;

namespace ReverseLogistics.Silo.Limits;

/// <summary>
/// The limits policy for what a client sends (docs/limits.md): the longest string, the most elements and the
/// allowed range of every request field, decided by the field's name. Services and the domain may be stricter.
/// </summary>
public static class FieldLimits
{
    public const int IdLength = 128;
    public const int PageTokenLength = 512;
    public const int CodeLength = 64;
    public const int ClockTextLength = 32;
    public const int ReferenceLength = 128;
    public const int NameLength = 200;
    public const int AddressLength = 200;
    public const int TextLength = 2000;
    public const int UrlLength = 2048;
    public const int DefaultLength = 256;
    public const int BytesLength = 64 * 1024;

    public const int DefaultCount = 100;
    public const int ListCount = 1000;

    public const long MaxMinorUnits = 1_000_000_000_000; // 10 billion in major units: a line total of 10,000 such units still fits a long
    public const int MaxQuantity = 10_000;

    /// <summary>Earliest and latest instants a timestamp may name.</summary>
    public static readonly DateTime EarliestTime = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime LatestTime = new(2200, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How far into the future an event's own time may be: clocks on handhelds and at carriers drift.</summary>
    public static readonly TimeSpan EventClockSkew = TimeSpan.FromDays(1);

    private static readonly HashSet<string> Names = ["name", "display_name", "merchant_name", "reported_by", "inspected_by", "decided_by", "actor"];
    private static readonly HashSet<string> Addresses = ["address_lines", "line1", "line2", "city", "region", "location"];
    private static readonly HashSet<string> ClockTexts =
        ["date", "day", "first_day", "last_day", "arrival_day", "window_starts", "window_ends_on", "starts", "ends", "opens", "closes", "postal_code", "postal_prefixes"];
    private static readonly HashSet<string> Texts =
        ["description", "reason", "notes", "note", "details", "message", "explanation", "rejection_message", "next_step_detail"];
    private static readonly HashSet<string> Urls = ["photo_urls", "photo_references", "url"];
    private static readonly HashSet<string> Lists =
        ["non_returnable_skus", "non_returnable_categories", "free_categories", "categories", "categories_accepted", "postal_prefixes",
         "tenants_served", "fulfillment_center_ids", "country_rates", "category_overrides", "category_services", "service_areas", "sales"];
    private static readonly HashSet<string> EventTimes = ["occurred_at", "delivered_at", "purchased_at"];

    /// <summary>The most characters a string field (or each element of a repeated one) may hold.</summary>
    public static int MaxLength(FieldDescriptor field) => field.Name switch
    {
        "page_token" => PageTokenLength,
        "secret" or "cron_expression" => DefaultLength,
        var name when ClockTexts.Contains(name) => ClockTextLength,
        var name when Names.Contains(name) => NameLength,
        var name when Addresses.Contains(name) => AddressLength,
        var name when Texts.Contains(name) => TextLength,
        var name when Urls.Contains(name) => UrlLength,
        var name when name.EndsWith("_id") || name.EndsWith("_ids") => IdLength,
        var name when name.EndsWith("code") || name.EndsWith("codes") || name is "time_zone" or "type" or "event_types" => CodeLength,
        var name when name.EndsWith("reference") || name.EndsWith("references") || name.EndsWith("number") || name.Contains("sku")
            || name.Contains("categor") || name is "barcode" or "label" or "content_type" => ReferenceLength,
        _ => DefaultLength,
    };

    /// <summary>The most elements a repeated or map field may hold.</summary>
    public static int MaxCount(FieldDescriptor field) => Lists.Contains(field.Name) ? ListCount : DefaultCount;

    /// <summary>Whether the field is the time something happened, so it may lie only <see cref="EventClockSkew"/> ahead.</summary>
    public static bool IsEventTime(FieldDescriptor field) => EventTimes.Contains(field.Name);

    /// <summary>The range of an integer field that has one: quantities, and money's minor units.</summary>
    public static (long Min, long Max)? Range(FieldDescriptor field) => field.Name switch
    {
        "minor_units" => (-MaxMinorUnits, MaxMinorUnits),
        var name when name.EndsWith("quantity") => (0, MaxQuantity),
        _ => null,
    };
}
