using System.Globalization;
using System.Text;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// How the analytics' counters are named and keyed (docs/analytics.md). A name is "{measure}.{dimension}.{grain}"
/// ("units_returned.by_sku.month"). A key of a grouped name starts with its group (the SKU or category) ended by
/// <see cref="GroupEnd"/>, then the period ("2026-03-14" or "2026-03"), then, after '|', further parts (the reason
/// code); a key of the whole business starts with the period. So one group's periods are one range of keys, a page of
/// groups is a range too, and a range of days or months of the whole business is one range. Each text part is escaped
/// (% | NUL U+0001 as %25 %7C %00 %01) so the parts split back apart; U+0001 sorts before anything an escaped group
/// holds, so groups' keys sort as their escaped names do.
/// </summary>
public static class CounterNames
{
    public const char Separator = '|';

    /// <summary>Ends the group a grouped key starts with.</summary>
    public const char GroupEnd = '\u0001';

    public static string Name(Measure measure, Dimension dimension, PeriodGrain grain) =>
        $"{MeasureName(measure)}.{DimensionName(dimension)}.{(grain == PeriodGrain.Day ? "day" : "month")}";

    public static string Period(DateOnly day, PeriodGrain grain) =>
        day.ToString(grain == PeriodGrain.Day ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The first day of the period a key starts with (read digit by digit: queries read hundreds of thousands).</summary>
    public static DateOnly PeriodStart(string key, PeriodGrain grain, int at = 0)
    {
        if (key.Length < at + (grain == PeriodGrain.Day ? 10 : 7) || key[at + 4] != '-' || (grain == PeriodGrain.Day && key[at + 7] != '-'))
            throw new FormatException($"Counter key '{key}' has no {grain} period at {at}.");
        return new DateOnly(Digits(key, at, 4), Digits(key, at + 5, 2), grain == PeriodGrain.Day ? Digits(key, at + 8, 2) : 1);
    }

    /// <summary>Where the period of <paramref name="key"/> starts: after its group when it is grouped, else at 0.</summary>
    public static int PeriodAt(string key, bool grouped)
    {
        if (!grouped) return 0;
        var end = key.IndexOf(GroupEnd);
        return end < 0 ? throw new FormatException($"Counter key '{key}' has no group.") : end + 1;
    }

    /// <summary>The group a grouped key starts with, as it stands in the key (escaped).</summary>
    public static ReadOnlySpan<char> EscapedGroup(string key) => key.AsSpan(0, PeriodAt(key, grouped: true) - 1);

    /// <summary>The group a grouped key starts with, unescaped.</summary>
    public static string Group(string key) => Unescape(EscapedGroup(key).ToString());

    /// <summary>The last text part after the period (the reason code), unescaped; "" when there is none.</summary>
    public static string LastPart(string key, PeriodGrain grain, int at = 0)
    {
        var afterPeriod = at + (grain == PeriodGrain.Day ? 10 : 7);
        var separator = key.LastIndexOf(Separator);
        return separator < afterPeriod ? "" : Unescape(key[(separator + 1)..]);
    }

    /// <summary>A grouped key: the group, then the period, then <paramref name="parts"/>.</summary>
    public static string GroupKey(string group, DateOnly day, PeriodGrain grain, params ReadOnlySpan<string> parts) =>
        GroupPrefix(group) + Key(day, grain, parts);

    /// <summary>What every key of <paramref name="group"/> starts with.</summary>
    public static string GroupPrefix(string group) => Escape(group) + GroupEnd;

    /// <summary>The first key after every key of <paramref name="group"/> and of the groups that sort before it.</summary>
    public static string AfterGroup(string group) => Escape(group) + (char)(GroupEnd + 1);

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

    /// <summary>The text parts after the period, unescaped.</summary>
    public static string[] Parts(string key, PeriodGrain grain)
    {
        var width = grain == PeriodGrain.Day ? 10 : 7;
        return key.Length <= width ? [] : [.. key[(width + 1)..].Split(Separator).Select(Unescape)];
    }

    public static string Escape(string part) =>
        part.IndexOfAny(['%', Separator, '\0', GroupEnd]) < 0
            ? part
            : part.Replace("%", "%25").Replace("|", "%7C").Replace("\0", "%00").Replace("\u0001", "%01");

    private static string Unescape(string part)
    {
        if (!part.Contains('%')) return part;
        var text = new StringBuilder(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] == '%' && i + 2 < part.Length)
            {
                text.Append(part.Substring(i + 1, 2) switch { "25" => '%', "7C" => Separator, "00" => '\0', "01" => GroupEnd, var other => throw Malformed(part, other) });
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
        Measure.UnitsReturned => "units_returned",
        Measure.UnitsSold => "units_sold",
        Measure.ReasonUnits => "reasons",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    private static string DimensionName(Dimension dimension) => dimension switch
    {
        Dimension.Overall => "all",
        Dimension.Category => "by_category",
        Dimension.Sku => "by_sku",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}
