namespace ReverseLogistics.Domain.Sales;

/// <summary>A SKU's units sold on a day and the category they count under, as last reported.</summary>
public sealed record SoldUnits(string Category, long Units);
