using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Domain.Receiving;

/// <summary>The returned units of one return line at a centre, as their disposition left them.</summary>
public sealed record InventoryUnit(
    string TenantId,
    string ReturnId,
    int LineIndex,
    string Sku,
    string? ResaleSku,
    InspectionGrade Grade,
    Disposition Disposition,
    int Quantity);
