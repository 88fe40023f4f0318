using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// Units of one SKU from one order that the customer wants to return. Purchase and delivery
/// times are UTC; the return window counts their UTC calendar dates.
/// </summary>
public sealed record ReturnLine
{
    public string OrderReference { get; init; } = "";
    public string Sku { get; init; } = "";
    public string Category { get; init; } = "";
    public int Quantity { get; init; }

    /// <summary>How many the customer bought on that order; returning more makes the line ineligible.</summary>
    public int PurchasedQuantity { get; init; }

    public Money UnitPrice { get; init; }
    public DateTime PurchasedAt { get; init; }
    public DateTime? DeliveredAt { get; init; }
    public string ReasonCode { get; init; } = "";
    public string? Note { get; init; }
    public IReadOnlyList<string> PhotoUrls { get; init; } = [];

    public Money Value => UnitPrice.Times(Quantity);
}
