using System.Globalization;
using Spectre.Console;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>Bar charts for the terminal: one bar per label, its value written after it. Colourless where the terminal is.</summary>
public static class Charts
{
    private static readonly Color[] Palette = [Color.SteelBlue1, Color.DarkSeaGreen2, Color.LightSalmon1, Color.Plum2, Color.Khaki1];

    public static BarChart Bars(string title, IEnumerable<(string Label, double Value)> bars, string unit = "")
    {
        var chart = new BarChart().Label(Markup.Escape(title)).LeftAlignLabel();
        if (unit.Length > 0) chart.ValueFormatter = (value, _) => value.ToString("0.##", CultureInfo.InvariantCulture) + unit;
        var index = 0;
        foreach (var (label, value) in bars) chart.AddItem(Markup.Escape(label), value, Palette[index++ % Palette.Length]);
        return chart;
    }
}
