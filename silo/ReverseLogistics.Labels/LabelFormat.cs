namespace ReverseLogistics.Labels;

public enum LabelFormat
{
    /// <summary>Zebra Programming Language for 4x6 in thermal printers at 203 dpi.</summary>
    Zpl,
    /// <summary>1-bit grayscale PNG, 812x1218 px (4x6 in at 203 dpi).</summary>
    Png,
    /// <summary>One-page PDF, 288x432 pt (4x6 in).</summary>
    Pdf,
}
