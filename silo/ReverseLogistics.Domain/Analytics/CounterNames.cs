using System.Globalization;
using System.Text;
using ReverseLogistics.Text;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// How the analytics' counters are named and keyed (docs/analytics.md). A name is "{measure}.{dimension}.{grain}"
/// ("reasons.sku.month"); a key is the period ("2026-03-14" or "2026-03"), then, separated by '|', the SKU or
/// category and for reasons the reason code. The period comes first and has a fixed width, so a range of days or months
/// is one range of keys; each text part is escaped (% | and NUL as %25 %7C %00) so the parts split back apart.
/// </summary>
public static class CounterNames
{
    public const char Separator = '|';

    public static string Name(Measure measure, Dimension dimension, PeriodGrain grain) =>
        $"{MeasureName(measure)}.{DimensionName(dimension)}.{(grain == PeriodGrain.Day ? "day" : "month")}";

    public static string Period(DateOnly day, PeriodGrain grain) =>
        day.ToString(grain == PeriodGrain.Day ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The characters of a period at the start of a key: "2026-03-14" or "2026-03".</summary>
    public static int PeriodWidth(PeriodGrain grain) => grain == PeriodGrain.Day ? 10 : 7;

    /// <summary>The first day of the period a key starts with (read digit by digit: queries read hundreds of thousands).</summary>
    public static DateOnly PeriodStart(string key, PeriodGrain grain)
    {
        if (key.Length < PeriodWidth(grain) || key[4] != '-' || (grain == PeriodGrain.Day && key[7] != '-'))
            throw new FormatException($"Counter key '{key}' does not start with a {grain} period.");
        return new DateOnly(Digits(key, 0, 4), Digits(key, 5, 2), grain == PeriodGrain.Day ? Digits(key, 8, 2) : 1);
    }

    /// <summary>The first text part after the period (the SKU or category), unescaped; "" when there is none.</summary>
    public static string FirstPart(string key, PeriodGrain grain)
    {
        var start = PeriodWidth(grain) + 1;
        if (key.Length <= start - 1) return "";
        var end = key.IndexOf(Separator, start);
        var part = end < 0 ? key[start..] : key[start..end];
        return part.Contains('%') ? Unescape(part) : part;
    }

    /// <summary>The first text part after the period as it stands in the key, escaped (equal to the unescaped part when it holds no '%').</summary>
    public static ReadOnlySpan<char> FirstPartSpan(string key, PeriodGrain grain)
    {
        var start = PeriodWidth(grain) + 1;
        if (key.Length <= start - 1) return [];
        var rest = key.AsSpan(start);
        var end = rest.IndexOf(Separator);
        return end < 0 ? rest : rest[..end];
    }

    /// <summary>The last text part of a key, unescaped.</summary>
    public static string LastPart(string key)
    {
        var part = key[(key.LastIndexOf(Separator) + 1)..];
        return part.Contains('%') ? Unescape(part) : part;
    }

    /// <summary>The last text part of a key as it stands, and the part before it (escaped: for parts that are names holding no escapes).</summary>
    public static ReadOnlySpan<char> LastPartSpan(string key, out ReadOnlySpan<char> beforeLast)
    {
        var end = key.LastIndexOf(Separator);
        var rest = key.AsSpan(0, Math.Max(end, 0));
        beforeLast = rest[(rest.LastIndexOf(Separator) + 1)..];
        return key.AsSpan(end + 1);
    }

    private static int Digits(string text, int start, int count)
    {
        var value = 0;
        for (var i = start; i < start + count; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9) throw new FormatException($"Counter key '{text}' does not start with a period.");
            value = value * 10 + digit;
        }
        return value;
    }

    public static string Key(DateOnly day, PeriodGrain grain, params ReadOnlySpan<string> parts)
    {
        var key = new StringBuilder(Period(day, grain));
        foreach (var part in parts) key.Append(Separator).Append(Escape(part));
        return key.ToString();
    }

    /// <summary>Every part of a key, unescaped (for keys that do not start with a period).</summary>
    public static string[] Split(string key) => [.. key.Split(Separator).Select(Unescape)];

    /// <summary>
    /// Groups in the order of their keys: by their escaped names, as the store orders keys (UTF-8 bytes, so code points).
    /// The same as ordinal order but for names holding '%', '|' or NUL, or characters beyond U+FFFF against U+E000 to U+FFFF.
    /// A page of groups is found in this order (<see cref="GroupPages"/>), so every report lists its groups in it.
    /// </summary>
    public static readonly IComparer<string> GroupOrder = Comparer<string>.Create((x, y) => CodePointOrder.Instance.Compare(Escape(x), Escape(y)));

    public static string Escape(string part) =>
        part.IndexOfAny(['%', Separator, '\0']) < 0 ? part : part.Replace("%", "%25").Replace("|", "%7C").Replace("\0", "%00");

    private static string Unescape(string part)
    {
        if (!part.Contains('%')) return part;
        var text = new StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '%' && i + 2 < part.Length)
            {
                text.Append(part.Substring(i + 1, 2) switch { "25" => '%', "7C" => Separator, "00" => '\0', var other => throw Malformed(part, other) });
                i += 2;
            }
            else if (part[i] == '%')
            {
                throw Malformed(part, part[i..]);
            }
            else
            {
                text.Append(part[i]);
            }
        }
        return text.ToString();
    }

    private static FormatException Malformed(string part, string escape) => new($"'%{escape}' in counter key part '{part}' is not an escape of CounterNames.");

    private static string MeasureName(Measure measure) => measure switch
    {
        Measure.Returns => "returns",
        Measure.UnitsSold => "units_sold",
        Measure.ReasonUnits => "reasons",
        Measure.ResolutionReturns => "resolution_returns",
        Measure.ResolutionSeconds => "resolution_seconds",
        Measure.DispositionUnits => "disposition_units",
        Measure.DispositionValue => "disposition_value",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    private static string DimensionName(Dimension dimension) => dimension switch
    {
        Dimension.Overall => "all",
        Dimension.Category => "category",
        Dimension.Sku => "sku",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}
