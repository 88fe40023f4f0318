using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Domain.Receiving;

/// <summary>The SKU a restocked unit is sold under: the original SKU and its grade, e.g. "SKU-123#B".</summary>
public static class ResaleSku
{
    public static string For(string sku, InspectionGrade grade) => $"{sku}#{grade}";
}
