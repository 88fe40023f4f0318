using System.Globalization;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>
/// One figure of an analytics sheet: as a table shows it to people (a rate as a percentage, 1,234 units) and as a CSV
/// holds it for programs (0.125, 1234). Numbers are right-aligned in tables.
/// </summary>
public readonly record struct Cell(string Text, string Csv, bool Number)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Cell Of(string text) => new(text, text, Number: false);

    /// <summary>A group as the API names it: "" is the whole business, "(all)" in tables and "" in CSV.</summary>
    public static Cell Group(string group) => new(group.Length == 0 ? "(all)" : group, group, Number: false);

    public static Cell Count(long value) => new(value.ToString("N0", Invariant), value.ToString(Invariant), Number: true);

    /// <summary>A ratio from 0 to 1 as a percentage ("12.5 %"); "-" in tables and empty in CSV when there is none.</summary>
    public static Cell Rate(double? value) => value is { } rate
        ? new((rate * 100).ToString("0.##", Invariant) + " %", rate.ToString("R", Invariant), Number: true)
        : new("-", "", Number: true);

    /// <summary>Minor units with the currency ("12,900 USD"); the column's header says they are minor units.</summary>
    public static Cell Money(Money? money) => money is null
        ? new("-", "", Number: true)
        : new($"{money.MinorUnits.ToString("N0", Invariant)} {money.CurrencyCode}", money.MinorUnits.ToString(Invariant), Number: true);

    /// <summary>A duration as people read it ("2d 3h", "4h 05m", "12m", "40s"); seconds in CSV.</summary>
    public static Cell Seconds(long seconds) => new(Duration(seconds), seconds.ToString(Invariant), Number: true);

    private static string Duration(long seconds)
    {
        var span = TimeSpan.FromSeconds(seconds);
        return span switch
        {
            { TotalDays: >= 1 } => $"{(int)span.TotalDays}d {span.Hours}h",
            { TotalHours: >= 1 } => $"{span.Hours}h {span.Minutes:00}m",
            { TotalMinutes: >= 1 } => $"{span.Minutes}m",
            _ => $"{span.Seconds}s",
        };
    }
}
