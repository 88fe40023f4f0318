using System.Text;
using ReverseLogistics.Labels;
using ReverseLogistics.Labels.Barcodes;
using ReverseLogistics.Labels.Layout;
using ReverseLogistics.Labels.Png;

namespace ReverseLogistics.UnitTests.Labels;

public sealed class PngLabelTests
{
    private static readonly ReturnLabelRenderer Renderer = new();

    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0xAE426082u, Crc32.Compute(Encoding.ASCII.GetBytes("IEND")));
    }

    [Fact]
    public void Png_is_a_4x6_inch_page_at_203_dpi_with_valid_chunks()
    {
        var png = Renderer.Render(LabelSamples.CarrierPickup(), LabelFormat.Png).Content;

        var chunks = PngTestDecoder.ReadChunks(png);
        var pixels = PngTestDecoder.Decode(png);

        Assert.Equal(812, pixels.GetLength(0));
        Assert.Equal(1218, pixels.GetLength(1));
        var physical = chunks.Single(c => c.Type == "pHYs").Data;
        // 203 dpi is 7992 pixels per metre.
        Assert.Equal(7992, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(physical));
    }

    [Fact]
    public void Barcode_row_decodes_to_the_tracking_number_with_quiet_zones()
    {
        var (pixels, layout) = RenderCarrier();
        var barcode = layout.Elements.OfType<BarcodeElement>().Single();
        var runs = Runs(pixels, barcode.Y + barcode.Height / 2);

        // runs[0] and runs[^1] are the white margins either side of the symbol.
        var moduleWidth = runs.Skip(1).SkipLast(1).Min();
        Assert.True(moduleWidth >= 2, $"module width {moduleWidth} px");
        Assert.All(runs.Skip(1).SkipLast(1), run => Assert.Equal(0, run % moduleWidth));
        Assert.True(runs[0] >= Code128Barcode.QuietZoneModules * moduleWidth);
        Assert.True(runs[^1] >= Code128Barcode.QuietZoneModules * moduleWidth);

        var widths = runs.Skip(1).SkipLast(1).Select(run => run / moduleWidth).ToArray();
        Assert.Equal(LabelSamples.Tracking, Code128TestDecoder.Decode(widths));
    }

    [Fact]
    public void Qr_region_has_the_module_count_and_modules_of_the_payload()
    {
        var (pixels, layout) = RenderCarrier();
        var qr = layout.Elements.OfType<QrElement>().Single();
        var expected = QrMatrix.Encode(LabelSamples.QrPayload);

        // Scan the top row across the QR and its quiet zones: white margin, then the top-left finder
        // pattern's 7-module edge, ..., the top-right finder's edge, then white margin again.
        var quiet = QrMatrix.QuietZoneModules * qr.ModuleSize;
        var topRow = Runs(pixels, qr.Y, fromX: qr.X - quiet, toX: qr.X + qr.Width + quiet);
        var moduleSize = topRow[1] / 7;
        Assert.Equal(7 * moduleSize, topRow[^2]);
        Assert.True(topRow[0] >= quiet && topRow[^1] >= quiet);
        var symbolWidth = topRow.Skip(1).SkipLast(1).Sum();
        Assert.Equal(expected.Size, symbolWidth / moduleSize);
        Assert.Equal(0, (expected.Size - 17) % 4); // versions are 21, 25, 29, ... modules wide

        for (var row = 0; row < expected.Size; row++)
        {
            for (var column = 0; column < expected.Size; column++)
            {
                var centreX = qr.X + column * moduleSize + moduleSize / 2;
                var centreY = qr.Y + row * moduleSize + moduleSize / 2;
                Assert.Equal(expected.IsDark(column, row), pixels[centreX, centreY]);
            }
        }
    }

    [Fact]
    public void Drop_off_png_has_a_qr_code_and_no_barcode()
    {
        var layout = LabelLayoutBuilder.Build(LabelContent.From(LabelSamples.DropOff()));
        var pixels = PngTestDecoder.Decode(Renderer.Render(LabelSamples.DropOff(), LabelFormat.Png).Content);

        Assert.Empty(layout.Elements.OfType<BarcodeElement>());
        var qr = Assert.Single(layout.Elements.OfType<QrElement>());
        Assert.True(qr.Width >= 400, $"QR is {qr.Width} px wide");
        Assert.True(pixels[qr.X, qr.Y]); // finder pattern corner
    }

    private static (bool[,] Pixels, LabelLayout Layout) RenderCarrier()
    {
        var request = LabelSamples.CarrierPickup();
        var pixels = PngTestDecoder.Decode(Renderer.Render(request, LabelFormat.Png).Content);
        return (pixels, LabelLayoutBuilder.Build(LabelContent.From(request)));
    }

    /// <summary>
    /// Lengths of alternating white/black runs along row <paramref name="y"/> from <paramref name="fromX"/>
    /// up to <paramref name="toX"/>; the first run is white (possibly empty).
    /// </summary>
    private static List<int> Runs(bool[,] pixels, int y, int fromX = 0, int? toX = null)
    {
        var runs = new List<int> { 0 };
        var black = false;
        for (var x = fromX; x < (toX ?? pixels.GetLength(0)); x++)
        {
            if (pixels[x, y] != black)
            {
                black = pixels[x, y];
                runs.Add(0);
            }
            runs[^1]++;
        }
        return runs;
    }
}
