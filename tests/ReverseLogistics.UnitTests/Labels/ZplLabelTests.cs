using System.Text;
using ReverseLogistics.Labels;

namespace ReverseLogistics.UnitTests.Labels;

public sealed class ZplLabelTests
{
    private static readonly ReturnLabelRenderer Renderer = new();

    private static string Render(LabelRequest request) =>
        Encoding.ASCII.GetString(Renderer.Render(request, LabelFormat.Zpl).Content);

    [Fact]
    public void Carrier_label_is_one_4x6_format_with_barcode_qr_and_addresses()
    {
        var zpl = Render(LabelSamples.CarrierPickup());

        Assert.StartsWith("^XA\n", zpl);
        Assert.EndsWith("^XZ\n", zpl);
        Assert.Contains("^PW812", zpl);
        Assert.Contains("^LL1218", zpl);
        Assert.Contains($"^BCN,170,N,N,N,A^FH^FD{LabelSamples.Tracking}^FS", zpl);
        Assert.Contains($"^FDMA,{LabelSamples.QrPayload}^FS", zpl);
        Assert.Contains("^FDRMA-7F3K2Q^FS", zpl);
        Assert.Contains("^FDJorg Muller^FS", zpl);
        Assert.Contains("^FDHauptstrasse 12^FS", zpl);
        Assert.Contains("^FD12529 Berlin^FS", zpl);
    }

    [Fact]
    public void Drop_off_label_has_qr_and_no_barcode()
    {
        var zpl = Render(LabelSamples.DropOff());

        Assert.DoesNotContain("^BC", zpl);
        Assert.Contains($"^FDMA,{LabelSamples.QrPayload}^FS", zpl);
        Assert.Contains("SHOW AT DROP-OFF POINT", zpl);
    }

    [Fact]
    public void Caret_and_tilde_in_user_text_cannot_end_the_label_or_run_commands()
    {
        var request = LabelSamples.CarrierPickup() with { TenantDisplayName = "Evil^XZ~JA_Shop" };

        var zpl = Render(request);

        Assert.Single(zpl.Split("^XA")[1..]);
        Assert.Single(zpl.Split("^XZ")[1..]);
        Assert.DoesNotContain('~', zpl);
        Assert.Contains("^FH^FDEvil_5EXZ_7EJA_5FShop^FS", zpl);
    }

    [Fact]
    public void Every_field_is_hex_escaped_so_its_data_is_literal()
    {
        var zpl = Render(LabelSamples.CarrierPickup());

        var fields = zpl.Split("^FD")[1..];
        Assert.NotEmpty(fields);
        Assert.All(zpl.Split('\n').Where(line => line.Contains("^FD")), line => Assert.Contains("^FH^FD", line));
    }
}
