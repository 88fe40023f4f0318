namespace ReverseLogistics.Domain.Receiving;

/// <summary>A centre's inventory and arrivals as ListInventory shows them, from the centre's counters (<see cref="Network.CenterCounters"/>).</summary>
public static class InventoryListing
{
    /// <summary>Arrivals are shown for the last two weeks.</summary>
    public const int ArrivalDays = 14;

    /// <summary>Rows holding units that match the filters (an original or resale SKU, a disposition), in <see cref="InventoryRow.SortKey"/> order, after <paramref name="afterKey"/>.</summary>
    public static IReadOnlyList<InventoryRow> Page(IEnumerable<InventoryRow> rows, string? sku, Disposition? disposition, string? afterKey, int limit) =>
        [.. rows
            .Where(r => r.Quantity != 0)
            .Where(r => sku is null || r.Sku == sku || r.ResaleSku == sku)
            .Where(r => disposition is null || r.Disposition == disposition)
            .Where(r => afterKey is null || string.CompareOrdinal(r.SortKey, afterKey) > 0)
            .OrderBy(r => r.SortKey, StringComparer.Ordinal)
            .Take(limit)];

    /// <summary>The days whose arrivals are shown on <paramref name="today"/>.</summary>
    public static (DateOnly First, DateOnly Last) ArrivalWindow(DateOnly today) => (today.AddDays(1 - ArrivalDays), today);

    /// <summary>Parcels per day (of every merchant together), newest first, days without any left out.</summary>
    public static IReadOnlyList<(DateOnly Day, long Parcels)> Arrivals(IEnumerable<(DateOnly Day, long Parcels)> counted) =>
        [.. counted.GroupBy(c => c.Day).Select(g => (g.Key, g.Sum(c => c.Parcels))).Where(d => d.Item2 > 0).OrderByDescending(d => d.Key)];
}
