using System.Text;

namespace ReverseLogistics.Labels.Zpl;

/// <summary>
/// Makes text safe inside a ^FD field. Fields are written after ^FH, so '^' (command prefix),
/// '~' (control prefix) and '_' (the hex escape itself) are sent as _5E, _7E and _5F and printed
/// as themselves rather than being read as commands.
/// </summary>
internal static class ZplField
{
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '^' => "_5E",
                '~' => "_7E",
                '_' => "_5F",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
