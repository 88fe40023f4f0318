namespace ReverseLogistics.Domain.Receiving;

/// <summary>Units of a SKU found in a parcel that is on none of the return's lines.</summary>
public sealed record UnexpectedItem(string Sku, int Quantity, string? Description = null);
