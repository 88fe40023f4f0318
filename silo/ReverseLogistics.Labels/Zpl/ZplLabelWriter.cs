using System.Text;
using ReverseLogistics.Labels.Layout;
using ReverseLogistics.Labels.Text;

namespace ReverseLogistics.Labels.Zpl;

/// <summary>Writes a layout as one ZPL II label (^XA ... ^XZ) for a 4x6 in, 203 dpi printer.</summary>
internal static class ZplLabelWriter
{
    public static byte[] Write(LabelLayout layout)
    {
        var zpl = new StringBuilder();
        zpl.Append("^XA\n");
        zpl.Append($"^PW{LabelLayout.Width}\n^LL{LabelLayout.Height}\n^LH0,0\n^CI0\n");
        foreach (var element in layout.Elements)
        {
            zpl.Append($"^FO{element.X},{element.Y}");
            zpl.Append(element switch
            {
                TextElement text => Text(text),
                BoxElement box => $"^GB{box.Width},{box.Height},{Math.Min(box.Width, box.Height)}^FS\n",
                // Mode A lets the printer choose code sets; the readable line is a separate text element.
                BarcodeElement bar =>
                    $"^BY{bar.ModuleWidth}^BCN,{bar.Height},N,N,N,A^FH^FD{ZplField.Escape(bar.Data)}^FS\n",
                // "MA," = error correction M, automatic data mode, matching the PNG and PDF QR.
                QrElement qr => $"^BQN,2,{Math.Min(qr.ModuleSize, 10)}^FH^FDMA,{ZplField.Escape(qr.Payload)}^FS\n",
                _ => throw new NotSupportedException(element.GetType().Name),
            });
        }
        zpl.Append("^XZ\n");
        return Encoding.ASCII.GetBytes(zpl.ToString());
    }

    /// <summary>
    /// Font 0 is the printer's scalable font. Its height includes the descender, so it gets our whole
    /// glyph cell (7 rows plus 2 descender rows) to match the PNG's capitals.
    /// </summary>
    private static string Text(TextElement text)
    {
        var height = (BitmapFont.GlyphHeight + BitmapFont.Descent) * text.Scale;
        var width = BitmapFont.Advance * text.Scale;
        return $"^A0N,{height},{width}^FH^FD{ZplField.Escape(text.Text)}^FS\n";
    }
}
