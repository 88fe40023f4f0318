using System.Globalization;

namespace ReverseLogistics.Labels.Pdf;

internal static class PdfNumber
{
    /// <summary>A PDF real: invariant culture, at most two decimals (1/7200 in is far below a printer dot).</summary>
    public static string Format(double value) =>
        Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
