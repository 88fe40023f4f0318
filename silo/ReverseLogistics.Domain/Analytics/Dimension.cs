namespace ReverseLogistics.Domain.Analytics;

/// <summary>What figures are grouped by.</summary>
public enum Dimension
{
    /// <summary>The tenant's whole business.</summary>
    Overall = 1,
    Category = 2,
    Sku = 3,
}
