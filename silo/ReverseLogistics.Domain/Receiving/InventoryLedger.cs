namespace ReverseLogistics.Domain.Receiving;

/// <summary>
/// A centre's returned units and parcel arrivals. Both are keyed by what they come from (a return
/// line, a return), so recording the same fact again changes nothing: the return stays the source
/// of truth and the ledger can be brought up to date from it as often as needed.
/// </summary>
public sealed class InventoryLedger
{
    /// <summary>Key: "tenant/return id/line".</summary>
    public Dictionary<string, InventoryUnit> Units { get; set; } = [];

    /// <summary>Key: "tenant/return id"; value: the UTC day the parcel arrived, "yyyy-MM-dd".</summary>
    public Dictionary<string, string> Arrivals { get; set; } = [];

    /// <summary>True when the ledger changed.</summary>
    public bool Record(InventoryUnit unit)
    {
        var key = $"{unit.TenantId}/{unit.ReturnId}/{unit.LineIndex}";
        if (Units.TryGetValue(key, out var known) && known == unit) return false;
        Units[key] = unit;
        return true;
    }

    /// <summary>True when the ledger changed.</summary>
    public bool RecordArrival(string tenantId, string returnId, DateTime at)
    {
        var key = $"{tenantId}/{returnId}";
        var day = at.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (Arrivals.GetValueOrDefault(key) == day) return false;
        Arrivals[key] = day;
        return true;
    }

    /// <summary>Units summed by tenant, SKU, grade and disposition, in <see cref="InventoryRow.SortKey"/> order, after <paramref name="afterKey"/>.</summary>
    public IReadOnlyList<InventoryRow> Summarize(string? tenantId, string? sku, Disposition? disposition, string? afterKey, int limit) =>
        Units.Values
            .Where(u => tenantId is null || u.TenantId == tenantId)
            .Where(u => sku is null || u.Sku == sku || u.ResaleSku == sku)
            .Where(u => disposition is null || u.Disposition == disposition)
            .GroupBy(u => (u.TenantId, u.Sku, u.ResaleSku, u.Grade, u.Disposition))
            .Select(g => new InventoryRow(g.Key.TenantId, g.Key.Sku, g.Key.ResaleSku, g.Key.Grade, g.Key.Disposition, g.Sum(u => u.Quantity)))
            .Where(r => afterKey is null || string.CompareOrdinal(r.SortKey, afterKey) > 0)
            .OrderBy(r => r.SortKey, StringComparer.Ordinal)
            .Take(limit)
            .ToList();

    /// <summary>Parcels that arrived per day, newest first, the last <paramref name="days"/> days up to <paramref name="today"/>.</summary>
    public IReadOnlyList<(string Day, int Parcels)> ArrivalsPerDay(DateTime today, int days)
    {
        var from = today.Date.AddDays(1 - days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Arrivals.Values
            .Where(day => string.CompareOrdinal(day, from) >= 0)
            .GroupBy(day => day)
            .OrderByDescending(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .ToList();
    }
}
