using System.Text;
using ReverseLogistics.Labels.Layout;

namespace ReverseLogistics.Labels.Pdf;

/// <summary>
/// Draws a layout as PDF vector content on a 288x432 pt page: bars and QR modules as filled
/// rectangles, text in Helvetica. Barcode and QR are wrapped in marked-content sections
/// (/Barcode BMC ... EMC, /QrCode BMC ... EMC) so they can be found in the stream.
/// </summary>
internal static class PdfLabelWriter
{
    private const double PointsPerDot = 72.0 / LabelLayout.Dpi;
    private const double PageWidth = LabelLayout.Width * PointsPerDot;
    private const double PageHeight = LabelLayout.Height * PointsPerDot;
    // Helvetica's capital letters are 0.718 em tall; size the font so capitals match our glyph height.
    private const double HelveticaCapHeight = 0.718;

    public static byte[] Write(LabelLayout layout)
    {
        var content = new StringBuilder("0 g\n");
        foreach (var element in layout.Elements)
        {
            switch (element)
            {
                case TextElement text:
                    Text(content, text);
                    break;
                case BoxElement box:
                    Rectangle(content, box.X, box.Y, box.Width, box.Height);
                    break;
                case BarcodeElement bar:
                    Barcode(content, bar);
                    break;
                case QrElement qr:
                    Qr(content, qr);
                    break;
                default:
                    throw new NotSupportedException(element.GetType().Name);
            }
        }
        return PdfDocument.SinglePage(PageWidth, PageHeight, content.ToString().TrimEnd('\n'));
    }

    private static void Text(StringBuilder content, TextElement text)
    {
        var size = PdfNumber.Format(text.Height / HelveticaCapHeight * PointsPerDot);
        var (x, baseline) = ToPage(text.X, text.Y + text.Height);
        content.Append($"BT /F1 {size} Tf {PdfNumber.Format(x)} {PdfNumber.Format(baseline)} Td ({Escape(text.Text)}) Tj ET\n");
    }

    private static void Barcode(StringBuilder content, BarcodeElement bar)
    {
        content.Append("/Barcode BMC\n");
        var x = bar.X;
        for (var i = 0; i < bar.Barcode.Widths.Count; i++)
        {
            var width = bar.Barcode.Widths[i] * bar.ModuleWidth;
            if (i % 2 == 0)
            {
                Rectangle(content, x, bar.Y, width, bar.Height);
            }
            x += width;
        }
        content.Append("EMC\n");
    }

    /// <summary>Draws each row's runs of adjacent dark modules as one rectangle.</summary>
    private static void Qr(StringBuilder content, QrElement qr)
    {
        content.Append("/QrCode BMC\n");
        for (var row = 0; row < qr.Matrix.Size; row++)
        {
            var column = 0;
            while (column < qr.Matrix.Size)
            {
                var start = column;
                while (column < qr.Matrix.Size && qr.Matrix.IsDark(column, row))
                {
                    column++;
                }
                if (column > start)
                {
                    var size = qr.ModuleSize;
                    Rectangle(content, qr.X + start * size, qr.Y + row * size, (column - start) * size, size);
                }
                column++;
            }
        }
        content.Append("EMC\n");
    }

    private static void Rectangle(StringBuilder content, int x, int y, int width, int height)
    {
        var (left, bottom) = ToPage(x, y + height);
        content.Append($"{PdfNumber.Format(left)} {PdfNumber.Format(bottom)} ")
            .Append($"{PdfNumber.Format(width * PointsPerDot)} {PdfNumber.Format(height * PointsPerDot)} re f\n");
    }

    /// <summary>Layout dots (origin top left) to PDF points (origin bottom left).</summary>
    private static (double X, double Y) ToPage(int x, int y) => (x * PointsPerDot, PageHeight - y * PointsPerDot);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
}
