namespace ReverseLogistics.Domain.Network;

/// <summary>The label a carrier's scanners and printers expect.</summary>
public enum CarrierLabelFormat
{
    Pdf = 1,
    Zpl = 2,
    Png = 3,
}
