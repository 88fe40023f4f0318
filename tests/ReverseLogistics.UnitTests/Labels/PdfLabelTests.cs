using System.Text;
using System.Text.RegularExpressions;
using ReverseLogistics.Labels;
using ReverseLogistics.Labels.Barcodes;

namespace ReverseLogistics.UnitTests.Labels;

public sealed class PdfLabelTests
{
    private static readonly ReturnLabelRenderer Renderer = new();

    private static string Render(LabelRequest request) =>
        Encoding.Latin1.GetString(Renderer.Render(request, LabelFormat.Pdf).Content);

    [Fact]
    public void Structure_has_header_exact_xref_offsets_trailer_and_eof()
    {
        var pdf = Render(LabelSamples.CarrierPickup());

        Assert.StartsWith("%PDF-1.4\n", pdf);
        Assert.EndsWith("%%EOF\n", pdf);
        var startXref = int.Parse(Regex.Match(pdf, @"startxref\n(\d+)\n%%EOF\n$").Groups[1].Value);
        Assert.Equal("xref\n0 6\n", pdf.Substring(startXref, 9));

        var entries = Regex.Matches(pdf[startXref..], @"(\d{10}) (\d{5}) ([nf]) \n");
        Assert.Equal(6, entries.Count);
        Assert.Equal("f", entries[0].Groups[3].Value);
        for (var number = 1; number < entries.Count; number++)
        {
            var offset = int.Parse(entries[number].Groups[1].Value);
            Assert.StartsWith($"{number} 0 obj\n", pdf[offset..]);
        }
        Assert.Contains("trailer\n<< /Size 6 /Root 1 0 R >>", pdf);
        Assert.Contains("/MediaBox [0 0 288 432]", pdf);
        Assert.Contains("/BaseFont /Helvetica", pdf);
    }

    [Fact]
    public void Content_stream_length_matches_its_bytes()
    {
        var pdf = Render(LabelSamples.CarrierPickup());

        var match = Regex.Match(pdf, @"<< /Length (\d+) >>\nstream\n(.*?)\nendstream", RegexOptions.Singleline);
        Assert.True(match.Success);
        Assert.Equal(int.Parse(match.Groups[1].Value), match.Groups[2].Value.Length);
    }

    [Fact]
    public void Barcode_section_draws_one_rectangle_per_bar()
    {
        var pdf = Render(LabelSamples.CarrierPickup());

        var barcode = Regex.Match(pdf, @"/Barcode BMC\n(.*?)EMC", RegexOptions.Singleline).Groups[1].Value;
        var rectangles = Regex.Matches(barcode, @"^[\d.]+ [\d.]+ [\d.]+ [\d.]+ re f$", RegexOptions.Multiline).Count;
        Assert.Equal(Code128.Encode(LabelSamples.Tracking).BarCount, rectangles);
        Assert.Contains("/QrCode BMC", pdf);
    }

    [Fact]
    public void Text_is_drawn_in_helvetica_with_parentheses_escaped()
    {
        var request = LabelSamples.CarrierPickup() with { TenantDisplayName = "Shop (EU) \\ Returns" };

        var pdf = Render(request);

        Assert.Contains("(RMA-7F3K2Q) Tj", pdf);
        Assert.Contains(@"(Shop \(EU\) \\ Returns) Tj", pdf);
        Assert.Matches(@"BT /F1 [\d.]+ Tf [\d.]+ [\d.]+ Td \(12529 Berlin\) Tj ET", pdf);
    }

    [Fact]
    public void Drop_off_pdf_has_qr_and_no_barcode()
    {
        var pdf = Render(LabelSamples.DropOff());

        Assert.DoesNotContain("/Barcode BMC", pdf);
        Assert.Contains("/QrCode BMC", pdf);
    }
}
