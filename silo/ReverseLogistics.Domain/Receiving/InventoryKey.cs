using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Network;

namespace ReverseLogistics.Domain.Receiving;

/// <summary>The key of an <see cref="CenterCounters.Inventory"/> counter: "centre|sku|resale sku|grade|disposition", each part escaped.</summary>
public static class InventoryKey
{
    public static string Of(string centerId, string sku, string? resaleSku, InspectionGrade grade, Disposition disposition) =>
        string.Join(CounterNames.Separator,
            CounterNames.Escape(centerId), CounterNames.Escape(sku), CounterNames.Escape(resaleSku ?? ""), grade.ToString(), disposition.ToString());

    /// <summary>The row a counter of <paramref name="tenantId"/> stands for.</summary>
    public static InventoryRow Row(string tenantId, string key, int quantity) => CounterNames.Split(key) is [_, var sku, var resale, var grade, var disposition]
        ? new InventoryRow(tenantId, sku, resale.Length == 0 ? null : resale, Enum.Parse<InspectionGrade>(grade), Enum.Parse<Disposition>(disposition), quantity)
        : throw new FormatException($"Counter key '{key}' is not an inventory key.");
}
