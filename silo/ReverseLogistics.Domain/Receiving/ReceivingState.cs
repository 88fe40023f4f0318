namespace ReverseLogistics.Domain.Receiving;

/// <summary>What the warehouse recorded about a return's parcel, persisted with the return.</summary>
public sealed class ReceivingState
{
    /// <summary>When a handheld of the destination centre first handled the parcel.</summary>
    public DateTime? ArrivedAt { get; set; }
    public Dictionary<int, LineInspection> Inspections { get; set; } = [];
    public Dictionary<int, LineDisposition> Dispositions { get; set; } = [];
    public List<ReceiptDiscrepancy> Discrepancies { get; set; } = [];
}
