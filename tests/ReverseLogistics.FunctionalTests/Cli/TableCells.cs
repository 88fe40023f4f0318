using System.Text.RegularExpressions;

namespace ReverseLogistics.FunctionalTests.Cli;

/// <summary>
/// The rows of the tables rlctl printed, as trimmed cells: the header first (its lines joined, since a narrow table wraps
/// its headers), then one entry per line of the body.
/// </summary>
public static class TableCells
{
    public static List<string[]> Of(string output)
    {
        var lines = Plain(output).Split('\n').Select(line => line.Trim()).ToList();
        var header = lines.TakeWhile(line => !line.StartsWith('├')).Where(line => line.StartsWith('│')).Select(Cells).ToList();
        var body = lines.SkipWhile(line => !line.StartsWith('├')).Where(line => line.StartsWith('│')).Select(Cells);
        if (header.Count == 0) return [.. body];
        var joined = header[0].Select((_, i) => string.Join(" ", header.Select(h => h[i]).Where(c => c.Length > 0))).ToArray();
        return [joined, .. body];
    }

    private static string[] Cells(string line) => line.Trim('│').Split('│').Select(cell => cell.Trim()).ToArray();

    /// <summary>The text without its colours: Spectre.Console colours a chart's bars when the environment says the terminal can.</summary>
    public static string Plain(string output) => Regex.Replace(output, "\u001b\\[[0-9;]*m", "");
}
