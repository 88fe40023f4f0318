using ReverseLogistics.Labels;
using ReverseLogistics.Labels.Layout;
using ReverseLogistics.Labels.Text;

namespace ReverseLogistics.UnitTests.Labels;

public sealed class ReturnLabelRendererTests
{
    private static readonly ReturnLabelRenderer Renderer = new();

    [Theory]
    [InlineData(LabelFormat.Zpl, "application/zpl", "^XA")]
    [InlineData(LabelFormat.Png, "image/png", "\u0089PNG")]
    [InlineData(LabelFormat.Pdf, "application/pdf", "%PDF")]
    public void Each_format_has_its_content_type_and_magic(LabelFormat format, string contentType, string magic)
    {
        var label = Renderer.Render(LabelSamples.CarrierPickup(), format);

        Assert.Equal(contentType, label.ContentType);
        Assert.Equal(magic, System.Text.Encoding.Latin1.GetString(label.Content, 0, magic.Length));
    }

    [Fact]
    public void Carrier_pickup_without_tracking_number_is_rejected()
    {
        var request = LabelSamples.CarrierPickup() with { TrackingNumber = "  " };

        Assert.Throws<ArgumentException>(() => Renderer.Render(request, LabelFormat.Pdf));
    }

    [Fact]
    public void Missing_ids_and_negative_weight_are_rejected()
    {
        var request = LabelSamples.DropOff();

        Assert.Throws<ArgumentException>(() => Renderer.Render(request with { RmaId = "" }, LabelFormat.Zpl));
        Assert.Throws<ArgumentException>(() => Renderer.Render(request with { DestinationCentreId = " " }, LabelFormat.Zpl));
        Assert.Throws<ArgumentException>(() => Renderer.Render(request with { WeightGrams = -1 }, LabelFormat.Zpl));
    }

    [Theory]
    [InlineData(ReturnMethod.DropOffPoint, "RETURN - SHOW AT DROP-OFF POINT")]
    [InlineData(ReturnMethod.InStore, "RETURN - SHOW IN STORE")]
    public void Counter_methods_get_a_qr_document_even_if_a_tracking_number_is_set(ReturnMethod method, string heading)
    {
        var request = LabelSamples.CarrierPickup() with { Method = method };

        var layout = LabelLayoutBuilder.Build(LabelContent.From(request));

        Assert.Empty(layout.Elements.OfType<BarcodeElement>());
        Assert.Single(layout.Elements.OfType<QrElement>());
        Assert.Contains(layout.Elements.OfType<TextElement>(), text => text.Text == heading);
    }

    [Fact]
    public void Long_fields_and_many_street_lines_stay_on_the_page()
    {
        var longLine = new string('W', 200);
        var request = LabelSamples.CarrierPickup() with
        {
            TenantDisplayName = longLine,
            From = LabelSamples.CarrierPickup().From with { StreetLines = Enumerable.Repeat(longLine, 12).ToArray() },
        };

        foreach (var method in Enum.GetValues<ReturnMethod>())
        {
            var layout = LabelLayoutBuilder.Build(LabelContent.From(request with { Method = method }));
            Assert.All(layout.Elements.OfType<TextElement>(), text =>
            {
                Assert.InRange(text.X, 0, LabelLayout.Width);
                var right = text.X + BitmapFont.MeasureWidth(text.Text, text.Scale);
                Assert.InRange(right, 0, LabelLayout.Width - LayoutCursor.Margin);
                Assert.InRange(text.Y + text.Height, 0, LabelLayout.Height - LayoutCursor.Margin);
            });
        }
    }

    [Fact]
    public void Qr_payload_names_the_rma_and_destination_centre()
    {
        Assert.Equal(LabelSamples.QrPayload, LabelContent.From(LabelSamples.CarrierPickup()).QrPayload);
    }
}
