namespace ReverseLogistics.Domain.Sales;

/// <summary>The persisted sales of one merchant on one UTC day: the latest figure reported for each SKU.</summary>
public sealed class SalesDayState
{
    public DateOnly Day { get; set; }
    public Dictionary<string, SoldUnits> Skus { get; set; } = new(StringComparer.Ordinal);
    public int Reports { get; set; }
    public DateTime UpdatedAt { get; set; }
}
