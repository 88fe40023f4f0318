using ReverseLogistics.Labels.Layout;
using ReverseLogistics.Labels.Pdf;
using ReverseLogistics.Labels.Png;
using ReverseLogistics.Labels.Zpl;

namespace ReverseLogistics.Labels;

/// <summary>Renders a return label as ZPL, PNG or PDF. Pure: no I/O, no shared state.</summary>
public sealed class ReturnLabelRenderer
{
    public RenderedLabel Render(LabelRequest request, LabelFormat format)
    {
        var layout = LabelLayoutBuilder.Build(LabelContent.From(request));
        return format switch
        {
            LabelFormat.Zpl => new(ZplLabelWriter.Write(layout), "application/zpl"),
            LabelFormat.Png => new(PngLabelWriter.Write(layout), "image/png"),
            LabelFormat.Pdf => new(PdfLabelWriter.Write(layout), "application/pdf"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown label format."),
        };
    }
}
