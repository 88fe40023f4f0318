using ReverseLogistics.Labels.Barcodes;

namespace ReverseLogistics.Labels.Layout;

/// <summary>A QR code; X/Y is the first module, the quiet zone is kept clear by the layout.</summary>
internal sealed record QrElement(int X, int Y, int ModuleSize, string Payload, QrMatrix Matrix) : LabelElement(X, Y)
{
    public int Width => Matrix.Size * ModuleSize;
}
