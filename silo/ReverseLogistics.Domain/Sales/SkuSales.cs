namespace ReverseLogistics.Domain.Sales;

/// <summary>Units of one SKU (of one category) sold on one day, as the merchant reports them.</summary>
public sealed record SkuSales(string Sku, string Category, long UnitsSold);
