using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Receiving;

public sealed class InventoryLedgerTests
{
    private readonly InventoryLedger ledger = new();

    private static InventoryUnit Unit(string tenant, string returnId, int line, string sku, InspectionGrade grade, Disposition disposition, int quantity) =>
        new(tenant, returnId, line, sku, disposition == Disposition.Restock ? ResaleSku.For(sku, grade) : null, grade, disposition, quantity);

    [Fact]
    public void Units_are_summed_by_tenant_sku_grade_and_disposition_and_recording_one_line_twice_counts_it_once()
    {
        Assert.True(ledger.Record(Unit("acme", "rma-1", 0, "MUG", InspectionGrade.B, Disposition.Restock, 2)));
        Assert.False(ledger.Record(Unit("acme", "rma-1", 0, "MUG", InspectionGrade.B, Disposition.Restock, 2)));
        ledger.Record(Unit("acme", "rma-2", 0, "MUG", InspectionGrade.B, Disposition.Restock, 1));
        ledger.Record(Unit("acme", "rma-2", 1, "MUG", InspectionGrade.D, Disposition.Recycle, 1));
        ledger.Record(Unit("bolt", "rma-3", 0, "MUG", InspectionGrade.B, Disposition.Restock, 4));

        var rows = ledger.Summarize(null, null, null, null, 10);

        Assert.Equal(
            [new InventoryRow("acme", "MUG", "MUG#B", InspectionGrade.B, Disposition.Restock, 3),
             new InventoryRow("acme", "MUG", null, InspectionGrade.D, Disposition.Recycle, 1),
             new InventoryRow("bolt", "MUG", "MUG#B", InspectionGrade.B, Disposition.Restock, 4)],
            rows);
    }

    [Fact]
    public void Filters_match_the_original_or_resale_sku_the_disposition_and_the_tenant_and_pages_follow_the_sort_key()
    {
        ledger.Record(Unit("acme", "rma-1", 0, "MUG", InspectionGrade.B, Disposition.Restock, 2));
        ledger.Record(Unit("acme", "rma-1", 1, "TENT", InspectionGrade.A, Disposition.Restock, 1));
        ledger.Record(Unit("bolt", "rma-2", 0, "MUG", InspectionGrade.C, Disposition.Liquidate, 1));

        Assert.Equal(["acme"], ledger.Summarize(null, "MUG#B", null, null, 10).Select(r => r.TenantId));
        Assert.Equal(2, ledger.Summarize(null, "MUG", null, null, 10).Count);
        Assert.Equal(["bolt"], ledger.Summarize(null, null, Disposition.Liquidate, null, 10).Select(r => r.TenantId));
        Assert.Equal(["MUG", "TENT"], ledger.Summarize("acme", null, null, null, 10).Select(r => r.Sku));

        var first = ledger.Summarize(null, null, null, null, 2);
        var rest = ledger.Summarize(null, null, null, first[^1].SortKey, 2);
        Assert.Equal(ledger.Summarize(null, null, null, null, 10), [.. first, .. rest]);
    }

    [Fact]
    public void Arrivals_are_counted_once_per_parcel_per_day_newest_first()
    {
        Assert.True(ledger.RecordArrival("acme", "rma-1", Now));
        Assert.False(ledger.RecordArrival("acme", "rma-1", Now.AddHours(1)));
        ledger.RecordArrival("bolt", "rma-1", Now);
        ledger.RecordArrival("acme", "rma-2", Now.AddDays(-1));
        ledger.RecordArrival("acme", "rma-3", Now.AddDays(-30));

        Assert.Equal([("2026-11-22", 2), ("2026-11-21", 1)], ledger.ArrivalsPerDay(Now, 14));
    }
}
