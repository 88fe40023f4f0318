using ReverseLogistics.Labels.Barcodes;

namespace ReverseLogistics.Labels.Layout;

/// <summary>A Code 128 barcode; X is the first bar, the quiet zones are kept clear by the layout.</summary>
internal sealed record BarcodeElement(int X, int Y, int ModuleWidth, int Height, string Data, Code128Barcode Barcode)
    : LabelElement(X, Y)
{
    public int Width => Barcode.TotalModules * ModuleWidth;
}
