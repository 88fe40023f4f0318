namespace ReverseLogistics.Labels.Barcodes;

/// <summary>An encoded Code 128 symbol.</summary>
/// <param name="Values">Symbol values in order: start code, data (including code-set switches), checksum, stop.</param>
/// <param name="Widths">Alternating bar and space widths in modules, starting with a bar; no quiet zones.</param>
public sealed record Code128Barcode(IReadOnlyList<int> Values, IReadOnlyList<int> Widths)
{
    /// <summary>Quiet zone required on each side, in modules.</summary>
    public const int QuietZoneModules = 10;

    public int TotalModules => Widths.Sum();

    public int BarCount => (Widths.Count + 1) / 2;
}
