using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Domain.Receiving;

/// <summary>Units at a centre summed by merchant, SKU, grade and disposition.</summary>
public sealed record InventoryRow(string TenantId, string Sku, string? ResaleSku, InspectionGrade Grade, Disposition Disposition, int Quantity)
{
    /// <summary>Orders rows and carries the page position.</summary>
    public string SortKey => $"{TenantId}\u0001{Sku}\u0001{(int)Grade}\u0001{(int)Disposition}";
}
