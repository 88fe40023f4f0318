using ReverseLogistics.Labels.Layout;
using ReverseLogistics.Labels.Text;

namespace ReverseLogistics.Labels.Png;

/// <summary>Rasterises a layout at one pixel per printer dot and encodes it as PNG.</summary>
internal static class PngLabelWriter
{
    public static byte[] Write(LabelLayout layout) =>
        PngEncoder.Encode(Rasterise(layout), LabelLayout.Dpi);

    internal static MonochromeBitmap Rasterise(LabelLayout layout)
    {
        var bitmap = new MonochromeBitmap(LabelLayout.Width, LabelLayout.Height);
        foreach (var element in layout.Elements)
        {
            switch (element)
            {
                case TextElement text:
                    DrawText(bitmap, text);
                    break;
                case BoxElement box:
                    bitmap.Fill(box.X, box.Y, box.Width, box.Height);
                    break;
                case BarcodeElement bar:
                    DrawBarcode(bitmap, bar);
                    break;
                case QrElement qr:
                    DrawQr(bitmap, qr);
                    break;
                default:
                    throw new NotSupportedException(element.GetType().Name);
            }
        }
        return bitmap;
    }

    private static void DrawText(MonochromeBitmap bitmap, TextElement text)
    {
        for (var i = 0; i < text.Text.Length; i++)
        {
            var left = text.X + i * BitmapFont.Advance * text.Scale;
            for (var row = 0; row < BitmapFont.GlyphHeight + BitmapFont.Descent; row++)
            {
                for (var column = 0; column < BitmapFont.GlyphWidth; column++)
                {
                    if (BitmapFont.IsInked(text.Text[i], column, row))
                    {
                        bitmap.Fill(left + column * text.Scale, text.Y + row * text.Scale, text.Scale, text.Scale);
                    }
                }
            }
        }
    }

    private static void DrawBarcode(MonochromeBitmap bitmap, BarcodeElement bar)
    {
        var x = bar.X;
        for (var i = 0; i < bar.Barcode.Widths.Count; i++)
        {
            var width = bar.Barcode.Widths[i] * bar.ModuleWidth;
            if (i % 2 == 0)
            {
                bitmap.Fill(x, bar.Y, width, bar.Height);
            }
            x += width;
        }
    }

    private static void DrawQr(MonochromeBitmap bitmap, QrElement qr)
    {
        for (var row = 0; row < qr.Matrix.Size; row++)
        {
            for (var column = 0; column < qr.Matrix.Size; column++)
            {
                if (qr.Matrix.IsDark(column, row))
                {
                    bitmap.Fill(qr.X + column * qr.ModuleSize, qr.Y + row * qr.ModuleSize, qr.ModuleSize, qr.ModuleSize);
                }
            }
        }
    }
}
