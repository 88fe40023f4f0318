namespace ReverseLogistics.Domain.Receiving;

/// <summary>
/// Units that arrived but were not expected. They are recorded, not refunded, and do not block
/// the return: the merchant sees them on the return and decides what to do with them.
/// </summary>
public sealed record ReceiptDiscrepancy(DiscrepancyKind Kind, int? LineIndex, string Sku, int Quantity, string? Description, string Actor, DateTime At);
