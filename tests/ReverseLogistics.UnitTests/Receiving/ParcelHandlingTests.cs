using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Receiving;
using ReverseLogistics.Domain.Returns;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Receiving;

/// <summary>The warehouse's steps on a return, without a server.</summary>
public sealed class ParcelHandlingTests
{
    private const string Device = "device:FC-1/HH-1";

    private readonly ReceivingState receiving = new();
    private readonly List<ReturnLine> lines = [Line(sku: "MUG", quantity: 2, cents: 10_00), Line(sku: "TENT", cents: 100_00)];
    private readonly Rma rma;
    private readonly ParcelHandling handling;

    public ParcelHandlingTests()
    {
        rma = Rma.Open([2, 1]);
        rma.Apply(ReturnTrigger.Approve, "system:auto-approve", Now);
        rma.Apply(ReturnTrigger.IssueLabel, "system:labels", Now);
        handling = new ParcelHandling(rma, receiving, lines);
    }

    private static DateTime At(int minutes) => Now.AddMinutes(minutes);

    private void ReceiveEverything() => handling.Receive([new(0, 2), new(1, 1)], [], "FC-1", Device, At(1));

    [Theory]
    [InlineData(ReturnTrigger.SchedulePickup)]
    [InlineData(ReturnTrigger.AwaitDropOff)]
    [InlineData(null)]
    public void A_parcel_scanned_before_it_was_marked_in_transit_passes_through_in_transit(ReturnTrigger? waiting)
    {
        if (waiting is { } trigger) rma.Apply(trigger, "system:labels", Now);

        var entries = handling.Arrive("FC-1", Device, At(1));

        Assert.Equal(ReturnState.InTransit, rma.Current);
        var entry = Assert.Single(entries);
        Assert.Equal((ReturnTrigger.MarkInTransit, Device, "parcel arrived at FC-1"), (entry.Trigger, entry.Actor, entry.Details));
        Assert.Equal(At(1), receiving.ArrivedAt);
        Assert.Empty(handling.Arrive("FC-1", Device, At(2)));
        Assert.Equal(At(1), receiving.ArrivedAt);
    }

    [Fact]
    public void A_partial_receipt_leaves_the_return_partially_received()
    {
        var entries = handling.Receive([new(0, 1)], [], "FC-1", Device, At(1));

        Assert.Equal([ReturnTrigger.MarkInTransit, ReturnTrigger.ReceiveSome], entries.Select(e => e.Trigger));
        Assert.Equal(ReturnState.PartiallyReceived, rma.Current);
        Assert.Equal([1, 0], rma.State.ReceivedQuantities);
        Assert.Empty(receiving.Discrepancies);
    }

    [Fact]
    public void Units_beyond_what_is_expected_and_unknown_skus_are_discrepancies_not_errors()
    {
        var entries = handling.Receive([new(0, 3), new(1, 1)], [new UnexpectedItem("SOCK", 2, "blue socks")], "FC-1", Device, At(1));

        Assert.Equal([ReturnTrigger.MarkInTransit, ReturnTrigger.ReceiveAll, ReturnTrigger.RecordDiscrepancy], entries.Select(e => e.Trigger));
        Assert.Equal(ReturnState.Received, rma.Current);
        Assert.Equal([2, 1], rma.State.ReceivedQuantities);
        Assert.Equal(
            [new ReceiptDiscrepancy(DiscrepancyKind.ExtraUnits, 0, "MUG", 1, null, Device, At(1)),
             new ReceiptDiscrepancy(DiscrepancyKind.UnexpectedItem, null, "SOCK", 2, "blue socks", Device, At(1))],
            receiving.Discrepancies);
        Assert.Equal("1 extra unit(s) of line 0 (MUG), 2 unexpected unit(s) of SOCK", entries[^1].Details);
    }

    [Fact]
    public void More_units_after_everything_arrived_are_recorded_and_the_state_stays()
    {
        ReceiveEverything();

        var entries = handling.Receive([new(1, 1)], [], "FC-1", Device, At(2));

        Assert.Equal(ReturnTrigger.RecordDiscrepancy, Assert.Single(entries).Trigger);
        Assert.Equal(ReturnState.Received, rma.Current);
        Assert.Equal(DiscrepancyKind.ExtraUnits, Assert.Single(receiving.Discrepancies).Kind);
    }

    [Fact]
    public void A_receipt_names_every_bad_field_at_once_and_changes_nothing()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            handling.Receive([new(5, 1), new(0, 0)], [new UnexpectedItem(" ", 0)], "FC-1", Device, At(1)));

        Assert.Equal(["items[0].line_index", "items[1].quantity", "unexpected_items[0].sku", "unexpected_items[0].quantity"],
            error.Violations.Select(v => v.Field));
        Assert.Equal(ReturnState.LabelIssued, rma.Current);
        Assert.Null(receiving.ArrivedAt);
    }

    [Fact]
    public void A_cancelled_return_cannot_be_received()
    {
        rma.Apply(ReturnTrigger.Cancel, "key:k1", Now);

        var error = Assert.Throws<PreconditionFailedException>(() => handling.Receive([new(0, 1)], [], "FC-1", Device, At(1)));

        Assert.Contains("cancelled", error.Message);
    }

    [Fact]
    public void The_return_is_complete_once_every_received_line_is_graded()
    {
        ReceiveEverything();

        var first = handling.Inspect(0, InspectionGrade.B, "box opened", ["s3://photos/1.jpg"], [], Device, At(2));
        var second = handling.Inspect(1, InspectionGrade.A, null, [], [MismatchFlag.MissingParts, MismatchFlag.MissingParts], Device, At(3));

        Assert.False(first.Complete);
        Assert.True(second.Complete);
        Assert.Equal("line 1: A, MissingParts", Assert.Single(second.Entries).Details);
        Assert.Equal(new LineInspection(InspectionGrade.B, "box opened", ["s3://photos/1.jpg"], [], Device, At(2)) with
            { PhotoReferences = receiving.Inspections[0].PhotoReferences, Mismatches = receiving.Inspections[0].Mismatches }, receiving.Inspections[0]);
        Assert.Equal([MismatchFlag.MissingParts], receiving.Inspections[1].Mismatches);
    }

    [Fact]
    public void A_partially_received_return_is_complete_when_what_arrived_is_graded()
    {
        handling.Receive([new(1, 1)], [], "FC-1", Device, At(1));

        Assert.True(handling.Inspect(1, InspectionGrade.A, null, [], [], Device, At(2)).Complete);
    }

    [Fact]
    public void Inspection_names_every_bad_field()
    {
        handling.Receive([new(1, 1)], [], "FC-1", Device, At(1));

        var error = Assert.Throws<InvalidInputException>(() =>
            handling.Inspect(0, 0, new string('x', 2001), ["", new string('p', 513)], [(MismatchFlag)9], Device, At(2)));

        Assert.Equal(["line_index", "grade", "notes", "photo_references[0]", "photo_references[1]", "mismatches[0]"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Inspection_before_anything_arrived_is_refused_for_the_state()
    {
        var error = Assert.Throws<PreconditionFailedException>(() => handling.Inspect(0, InspectionGrade.A, null, [], [], Device, At(1)));

        Assert.Contains("label_issued", error.Message);
    }

    [Fact]
    public void Settling_refunds_per_grade_and_mismatch_and_explains_the_amounts()
    {
        ReceiveEverything();
        handling.Inspect(0, InspectionGrade.C, null, [], [], Device, At(2));
        handling.Inspect(1, InspectionGrade.A, null, [], [MismatchFlag.WrongItem], Device, At(3));

        var (entries, refund) = handling.Settle(Policy, Resolution.RefundToOriginalPayment, At(4));

        // Line 0: 2 x 10.00 at grade C (50 %) = 10.00, less 10 % restocking = 9.00; line 1: wrong item = 0; shipping 5.95.
        Assert.Equal([9_00, 0], refund.Lines.Select(l => l.Net.MinorUnits));
        Assert.Equal(Usd(3_05), refund.Total);
        Assert.Equal([ReturnTrigger.CompleteInspection, ReturnTrigger.IssueRefund], entries.Select(e => e.Trigger));
        Assert.Equal("line 0: C; line 1: A, WrongItem", entries[0].Details);
        Assert.StartsWith("total 305 USD", entries[1].Details);
        Assert.Equal(ReturnState.RefundPending, rma.Current);
    }

    [Fact]
    public void Restocking_gives_the_graded_resale_sku_once_per_line()
    {
        ReceiveEverything();
        handling.Inspect(0, InspectionGrade.B, null, [], [], Device, At(2));
        handling.Inspect(1, InspectionGrade.A, null, [], [], Device, At(3));
        handling.Settle(Policy, Resolution.RefundToOriginalPayment, At(4));

        var entry = Assert.Single(handling.SetDisposition(0, Disposition.Restock, Device, At(5)));
        var again = Assert.Throws<PreconditionFailedException>(() => handling.SetDisposition(0, Disposition.Dispose, Device, At(6)));

        Assert.Equal(new LineDisposition(Disposition.Restock, "MUG#B", 2, Device, At(5)), receiving.Dispositions[0]);
        Assert.Equal("line 0: Restock as MUG#B, 2 unit(s)", entry.Details);
        Assert.Equal(ReturnState.RefundPending, rma.Current);
        Assert.Contains("already has the disposition Restock", again.Message);
    }

    [Theory]
    [InlineData(InspectionGrade.D)]
    [InlineData(InspectionGrade.Scrap)]
    public void Units_that_cannot_be_resold_cannot_be_restocked_but_can_be_recycled(InspectionGrade grade)
    {
        handling.Receive([new(1, 1)], [], "FC-1", Device, At(1));
        handling.Inspect(1, grade, null, [], [], Device, At(2));
        handling.Settle(Policy, Resolution.RefundToOriginalPayment, At(3));

        Assert.Throws<PreconditionFailedException>(() => handling.SetDisposition(1, Disposition.Restock, Device, At(4)));
        handling.SetDisposition(1, Disposition.Recycle, Device, At(5));

        Assert.Equal(ReturnState.Closed, rma.Current); // nothing to refund closed it; the disposition is still noted
        Assert.Null(receiving.Dispositions[1].ResaleSku);
    }

    [Fact]
    public void A_wrong_item_is_not_restocked_under_the_sold_sku()
    {
        handling.Receive([new(1, 1)], [], "FC-1", Device, At(1));
        handling.Inspect(1, InspectionGrade.A, null, [], [MismatchFlag.WrongItem], Device, At(2));
        handling.Settle(Policy, Resolution.RefundToOriginalPayment, At(3));

        var error = Assert.Throws<PreconditionFailedException>(() => handling.SetDisposition(1, Disposition.Restock, Device, At(4)));

        Assert.Contains("wrong item", error.Message);
    }

    [Fact]
    public void A_disposition_needs_a_settled_return_and_an_inspected_line()
    {
        ReceiveEverything();
        Assert.Throws<PreconditionFailedException>(() => handling.SetDisposition(0, Disposition.Restock, Device, At(2)));

        handling.Receive([], [new UnexpectedItem("SOCK", 1)], "FC-1", Device, At(2));
        handling.Inspect(0, InspectionGrade.A, null, [], [], Device, At(3));
        handling.Inspect(1, InspectionGrade.A, null, [], [], Device, At(3));
        handling.Settle(Policy, Resolution.RefundToOriginalPayment, At(4));
        var error = Assert.Throws<InvalidInputException>(() => handling.SetDisposition(7, 0, Device, At(5)));

        Assert.Equal(["line_index", "disposition"], error.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(ExceptionKind.EmptyBox)]
    [InlineData(ExceptionKind.Damaged)]
    public void A_problem_parcel_moves_the_return_to_exception_through_in_transit(ExceptionKind kind)
    {
        var entries = handling.ReportException(kind, "box crushed", "FC-1", Device, At(1));

        Assert.Equal([ReturnTrigger.MarkInTransit, ReturnTrigger.RaiseException], entries.Select(e => e.Trigger));
        Assert.Equal(ReturnState.Exception, rma.Current);
        Assert.Equal($"{kind}: box crushed", entries[1].Details);
        Assert.Equal(Device, entries[1].Actor);
    }

    [Fact]
    public void No_exception_once_the_refund_is_under_way()
    {
        ReceiveEverything();
        handling.Inspect(0, InspectionGrade.A, null, [], [], Device, At(2));
        handling.Inspect(1, InspectionGrade.A, null, [], [], Device, At(2));
        handling.Settle(Policy, Resolution.RefundToOriginalPayment, At(3));

        Assert.Throws<PreconditionFailedException>(() => handling.ReportException(ExceptionKind.Missing, null, "FC-1", Device, At(4)));
    }
}
