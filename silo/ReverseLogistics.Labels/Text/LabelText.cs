using System.Text;

namespace ReverseLogistics.Labels.Text;

/// <summary>
/// Reduces user text to printable ASCII, which every output format can carry: common Latin letters
/// lose their accents (é → e, ß → ss), typographic quotes and dashes become plain ones, control
/// characters become spaces and anything else becomes '?'. (Invariant globalization rules out
/// Unicode normalization, hence the explicit table.)
/// </summary>
internal static class LabelText
{
    private const string Accented = "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿ"
        + "ĀāĂăĄąĆćČčĎďĐđĒēĘęĚěĞğĪīİıŁłŃńŇňŌōŐőŘřŚśŞşŠšŢţŤťŪūŮůŰűŸŹźŻżŽž";
    private const string Plain = "AAAAAACEEEEIIIINOOOOOOUUUUYaaaaaaceeeeiiiinoooooouuuuyy"
        + "AaAaAaCcCcDdDdEeEeEeGgIiIiLlNnNnOoOoRrSsSsSsTtTtUuUuUuYZzZzZz";

    private static readonly Dictionary<char, string> Replacements = BuildReplacements();

    public static string ToAscii(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= ' ' and <= '~')
            {
                builder.Append(c);
            }
            else if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                builder.Append(' ');
            }
            else
            {
                builder.Append(Replacements.GetValueOrDefault(c, "?"));
            }
        }
        return builder.ToString().Trim();
    }

    /// <summary>Cuts <paramref name="text"/> to <paramref name="maxLength"/> characters, marking the cut with "...".</summary>
    public static string Truncate(string text, int maxLength) => text.Length <= maxLength
        ? text
        : string.Concat(text.AsSpan(0, Math.Max(0, maxLength - 3)), "...");

    private static Dictionary<char, string> BuildReplacements()
    {
        var map = new Dictionary<char, string>
        {
            ['ß'] = "ss", ['Æ'] = "AE", ['æ'] = "ae", ['Œ'] = "OE", ['œ'] = "oe", ['Þ'] = "Th", ['þ'] = "th",
            ['Ð'] = "D", ['ð'] = "d", ['‘'] = "'", ['’'] = "'", ['‚'] = ",", ['“'] = "\"", ['”'] = "\"",
            ['„'] = "\"", ['–'] = "-", ['—'] = "-", ['…'] = "...", ['€'] = "EUR", ['£'] = "GBP",
        };
        for (var i = 0; i < Accented.Length; i++)
        {
            map[Accented[i]] = Plain[i].ToString();
        }
        return map;
    }

    internal static (int Accented, int Plain) TableLengths => (Accented.Length, Plain.Length);
}
