using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Domain.Routing;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Network;

/// <summary>What a return adds to its centre's counters in each state it goes through, and what each commit moves.</summary>
public sealed class CenterContributionTests
{
    private static readonly DateOnly ArrivalDay = new(2026, 11, 24);
    private static readonly DateTime ArrivedAt = new(2026, 11, 25, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void A_routed_return_books_its_units_at_its_centre_on_its_arrival_day()
    {
        Assert.Equal(["bookings.centre.day FC-1|2026-11-24 = 3"], Figures(Routed()));
        Assert.Equal(new HeldCapacity("FC-1", ArrivalDay, 3), CenterContribution.HeldBy(Routed()));
    }

    [Fact]
    public void A_return_at_the_default_centre_or_not_routed_books_nothing()
    {
        var atDefault = Routed();
        atDefault.Routing = atDefault.Routing! with { DefaultCentre = true };
        var unrouted = Routed();
        (unrouted.Rma.State, unrouted.Routing, unrouted.Destination) = (ReturnState.Approved, null, null);

        Assert.Empty(Figures(atDefault));
        Assert.Empty(Figures(unrouted));
    }

    [Fact]
    public void A_rerouted_return_moves_its_booking_from_the_old_centre_and_day_to_the_new_ones()
    {
        var before = Routed();
        var after = Routed();
        after.Routing = after.Routing! with { ArrivalDay = ArrivalDay.AddDays(1) };
        after.Destination = Centre("FC-2");

        Assert.Equal(["bookings.centre.day FC-1|2026-11-24 -3", "bookings.centre.day FC-2|2026-11-25 3"], Moved(before, after));
    }

    [Theory]
    [InlineData(ReturnState.Cancelled)]
    [InlineData(ReturnState.Expired)]
    [InlineData(ReturnState.Rejected)]
    [InlineData(ReturnState.Exception)]
    public void A_return_that_will_not_arrive_gives_its_booking_back(ReturnState state)
    {
        var after = Routed();
        after.Rma.State = state;

        Assert.Equal(["bookings.centre.day FC-1|2026-11-24 -3"], Moved(Routed(), after));
    }

    [Fact]
    public void An_arrived_parcel_gives_its_booking_back_and_counts_one_arrival_on_its_arrival_day()
    {
        Assert.Equal(["arrivals.centre.day FC-1|2026-11-25 1", "bookings.centre.day FC-1|2026-11-24 -3"], Moved(Routed(), Arrived()));
    }

    [Fact]
    public void Received_units_count_as_received_and_in_the_backlog_of_the_arrival_day_until_inspected()
    {
        var received = Received();
        var inspected = Received();
        Inspect(inspected, line: 0, InspectionGrade.B);

        Assert.Equal(["backlog.centre.day FC-1|2026-11-25 3", "units_received.centre.day FC-1|2026-11-25 3"], Moved(Arrived(), received));
        Assert.Equal(["backlog.centre.day FC-1|2026-11-25 -2"], Moved(received, inspected));
    }

    [Fact]
    public void Disposed_units_enter_the_inventory_by_sku_resale_sku_grade_and_disposition_and_move_when_the_disposition_changes()
    {
        var inspected = Received();
        Inspect(inspected, line: 0, InspectionGrade.B);
        Inspect(inspected, line: 1, InspectionGrade.D);
        var disposed = Received();
        Inspect(disposed, line: 0, InspectionGrade.B);
        Inspect(disposed, line: 1, InspectionGrade.D);
        disposed.Receiving.Dispositions[0] = new LineDisposition(Disposition.Restock, "SKU-1#B", 2, "dev-1", ArrivedAt);
        disposed.Receiving.Dispositions[1] = new LineDisposition(Disposition.Recycle, null, 1, "dev-1", ArrivedAt);
        var changed = Received();
        Inspect(changed, line: 0, InspectionGrade.B);
        Inspect(changed, line: 1, InspectionGrade.D);
        changed.Receiving.Dispositions[0] = disposed.Receiving.Dispositions[0];
        changed.Receiving.Dispositions[1] = new LineDisposition(Disposition.Dispose, null, 1, "dev-1", ArrivedAt);

        Assert.Equal(["backlog.centre.day FC-1|2026-11-25 -3"], Moved(Received(), inspected));
        Assert.Equal(["inventory.centre FC-1|SKU-1|SKU-1#B|B|Restock 2", "inventory.centre FC-1|SKU-2||D|Recycle 1"], Moved(inspected, disposed));
        Assert.Equal(["inventory.centre FC-1|SKU-2||D|Dispose 1", "inventory.centre FC-1|SKU-2||D|Recycle -1"], Moved(disposed, changed));
    }

    [Fact]
    public void Text_parts_of_a_key_are_escaped_and_read_back()
    {
        var key = InventoryKey.Of("FC-1", "A|B%", null, InspectionGrade.A, Disposition.Liquidate);

        Assert.Equal("FC-1|A%7CB%25||A|Liquidate", key);
        Assert.Equal(new InventoryRow("acme", "A|B%", null, InspectionGrade.A, Disposition.Liquidate, 4), InventoryKey.Row("acme", key, 4));
        Assert.Equal(("FC-1", ArrivalDay), CenterCounters.ParseDayKey(CenterCounters.DayKey("FC-1", ArrivalDay)));
    }

    [Fact]
    public void A_return_stored_before_the_facet_counts_nothing_for_its_centre()
    {
        var record = Received();
        record.AnalyticsFacets = [ReturnAnalytics.ReturnsFacet];

        Assert.DoesNotContain(ReturnAnalytics.Of(record).Values.Keys, cell => cell.Name.Contains("centre", StringComparison.Ordinal));
    }

    private static ReturnRecord Routed() => new()
    {
        Request = Request(Line("SKU-1", quantity: 2), Line("SKU-2", quantity: 1)),
        Rma = new RmaState { State = ReturnState.LabelIssued, ExpectedQuantities = [2, 1], ReceivedQuantities = [0, 0] },
        Routing = new ReturnRoute { ArrivalDay = ArrivalDay, Units = 3, DecidedAt = Now },
        Destination = Centre("FC-1"),
        AnalyticsFacets = [CenterContribution.Facet],
        CreatedAt = Now,
    };

    private static ReturnRecord Arrived()
    {
        var record = Routed();
        record.Rma.State = ReturnState.InTransit;
        record.Receiving.ArrivedAt = ArrivedAt;
        return record;
    }

    private static ReturnRecord Received()
    {
        var record = Arrived();
        record.Rma.State = ReturnState.Received;
        record.Rma.ReceivedQuantities = [2, 1];
        return record;
    }

    private static void Inspect(ReturnRecord record, int line, InspectionGrade grade) =>
        record.Receiving.Inspections[line] = new LineInspection(grade, null, [], [], "dev-1", ArrivedAt);

    private static Destination Centre(string id) => new(id, id, ["1 Dock Rd"], "Reno", "89501", "US");

    private static List<string> Figures(ReturnRecord record) =>
        [.. Contribution.Diff(null, ReturnAnalytics.Of(record)).Select(d => $"{d.Cell.Name} {d.Cell.Key} = {d.Delta}")];

    private static List<string> Moved(ReturnRecord before, ReturnRecord after) =>
        [.. Contribution.Diff(ReturnAnalytics.Of(before), ReturnAnalytics.Of(after)).Select(d => $"{d.Cell.Name} {d.Cell.Key} {d.Delta}")];
}
