using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Handhelds;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Receiving;

/// <summary>
/// ReceivingService through the real binding. The shared silo has no network, so every return goes to FC-DEFAULT;
/// CentreBoundaryTests covers handhelds of two real centres.
/// </summary>
[Collection(SiloCollection.Name)]
public sealed class ReceivingApiTests(SiloFixture silo)
{
    private const string Device = "device:FC-DEFAULT/HH-1";

    private PlatformClient Client => silo.Client;

    private static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    private Task<CallOptions> HandheldAsync() => NewHandheldAsync(Client, SiloFixture.OperatorKey);

    private async Task<(string TenantId, CallOptions Merchant, Return Created)> ReturnAsync(params ReturnLineInput[] lines)
    {
        var (tenantId, key) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(lines: lines.Length > 0 ? lines : [Line(unitPrice: 20_00)]), As(key));
        return (tenantId, As(key), created);
    }

    private Task<ListReturnEventsResponse> EventsAsync(CallOptions merchant, string returnId) =>
        Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = returnId }, merchant).ResponseAsync;

    [Fact]
    public async Task A_parcel_scanned_by_tracking_number_or_rma_id_answers_its_return_lines_and_next_step()
    {
        var (tenantId, merchant, created) = await ReturnAsync(Line(sku: "TENT-2P", quantity: 2, unitPrice: 20_00), Line(sku: "MUG", category: "kitchen", unitPrice: 20_00));
        var handheld = await HandheldAsync();

        var byTracking = await Client.Receiving.ScanParcelAsync(Scan(created.TrackingNumber), handheld);
        var byRma = await Client.Receiving.ScanParcelAsync(Scan(created.ReturnId), handheld);
        var events = await EventsAsync(merchant, created.ReturnId);

        Assert.Equal((created.ReturnId, tenantId, "Merchant " + tenantId), (byTracking.ReturnId, byTracking.TenantId, byTracking.MerchantName));
        Assert.Equal((ReturnStatus.InTransit, NextStep.Receive, "FC-DEFAULT"), (byTracking.Status, byTracking.NextStep, byTracking.DestinationFulfillmentCenterId));
        Assert.Equal([("TENT-2P", "outdoor", 2, 0), ("MUG", "kitchen", 1, 0)],
            byTracking.Lines.Select(l => (l.Sku, l.Category, l.ExpectedQuantity, l.ReceivedQuantity)));
        Assert.Equal("changed_mind", byTracking.Lines[0].Description);
        Assert.NotNull(byTracking.ArriveTime);
        Assert.Equal(created.ReturnId, byRma.ReturnId);
        Assert.Equal(byTracking.ArriveTime, byRma.ArriveTime);
        Assert.Equal(1, events.Events.Count(e => e.Type == "MarkInTransit")); // the second scan moves nothing
        Assert.Equal(Device, events.Events.Single(e => e.Type == "MarkInTransit").Actor);
    }

    [Fact]
    public async Task An_unknown_parcel_or_return_is_not_found()
    {
        var handheld = await HandheldAsync();

        var tracking = await FailsAsync(Client.Receiving.ScanParcelAsync(Scan("RL0000000000000000"), handheld));
        var rma = await FailsAsync(Client.Receiving.ScanParcelAsync(Scan("rma-0000000000000000"), handheld));
        var receive = await FailsAsync(Client.Receiving.ReceiveItemsAsync(Receive("rma-0000000000000000", (0, 1)), handheld));
        var malformed = await FailsAsync(Client.Receiving.ReceiveItemsAsync(Receive("not-an-rma", (0, 1)), handheld));

        Assert.All(new[] { tracking, rma, receive, malformed }, e => Assert.Equal(StatusCode.NotFound, e.StatusCode));
    }

    [Fact]
    public async Task Merchant_and_operator_keys_cannot_use_the_handheld_api()
    {
        var (_, merchant, created) = await ReturnAsync();
        var operatorKey = As(SiloFixture.OperatorKey);

        var errors = new[]
        {
            await FailsAsync(Client.Receiving.ScanParcelAsync(Scan(created.TrackingNumber), merchant)),
            await FailsAsync(Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1)), merchant)),
            await FailsAsync(Client.Receiving.ScanParcelAsync(Scan(created.TrackingNumber), operatorKey)),
            await FailsAsync(Client.Receiving.ListInventoryAsync(new ListInventoryRequest(), operatorKey)),
        };

        Assert.All(errors, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
    }

    [Fact]
    public async Task A_partial_receipt_is_recorded_and_the_rest_can_follow()
    {
        var (_, merchant, created) = await ReturnAsync(Line(quantity: 3, unitPrice: 20_00));
        var handheld = await HandheldAsync();

        var partly = await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1)), handheld);
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);
        var rest = await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 2)), handheld);
        var events = await EventsAsync(merchant, created.ReturnId);

        Assert.Equal((ReturnStatus.PartiallyReceived, 1, NextStep.Inspect), (partly.Status, partly.Lines[0].ReceivedQuantity, partly.NextStep));
        Assert.Equal(1, read.Lines[0].ReceivedQuantity);
        Assert.Equal((ReturnStatus.Received, 3), (rest.Status, rest.Lines[0].ReceivedQuantity));
        Assert.Equal(["Approve", "IssueLabel", "MarkInTransit", "ReceiveSome", "ReceiveAll"], events.Events.Select(e => e.Type));
        Assert.Equal("line 0: 1", events.Events[3].Details);
    }

    [Fact]
    public async Task Extra_units_and_unexpected_skus_are_recorded_on_the_return_and_not_refunded()
    {
        var (_, merchant, created) = await ReturnAsync(Line(unitPrice: 40_00, quantity: 2));
        var handheld = await HandheldAsync();
        var receipt = Receive(created.ReturnId, (0, 3));
        receipt.UnexpectedItems.Add(new UnexpectedItem { Sku = "SOCK-9", Quantity = 2, Description = "blue socks" });

        var received = await Client.Receiving.ReceiveItemsAsync(receipt, handheld);
        await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 0, InspectionGrade.A), handheld);
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);
        var events = await EventsAsync(merchant, created.ReturnId);

        Assert.Equal((ReturnStatus.Received, 2), (received.Status, received.Lines[0].ReceivedQuantity));
        Assert.Equal([(DiscrepancyKind.ExtraUnits, "TENT-2P", 1, true), (DiscrepancyKind.UnexpectedItem, "SOCK-9", 2, false)],
            read.ReceiptDiscrepancies.Select(d => (d.Kind, d.Sku, d.Quantity, d.HasLineIndex)));
        Assert.Equal(received.Discrepancies, read.ReceiptDiscrepancies);
        Assert.All(read.ReceiptDiscrepancies, d => Assert.Equal(Device, d.ReportedBy));
        var discrepancy = events.Events.Single(e => e.Type == "RecordDiscrepancy");
        Assert.Equal((Device, "1 extra unit(s) of line 0 (TENT-2P), 2 unexpected unit(s) of SOCK-9"), (discrepancy.Actor, discrepancy.Details));
        Assert.Equal(80_00, read.Refund.Gross.MinorUnits); // the two expected units only
        Assert.Equal(ReturnStatus.RefundPending, read.Status);
    }

    [Fact]
    public async Task A_resent_scan_gets_the_first_answer_and_a_scan_id_reused_for_another_request_is_refused()
    {
        var (_, merchant, created) = await ReturnAsync(Line(quantity: 2, unitPrice: 20_00));
        var handheld = await HandheldAsync();
        var scan = Scan(created.TrackingNumber);
        var receipt = Receive(created.ReturnId, (0, 1));

        var firstScan = await Client.Receiving.ScanParcelAsync(scan, handheld);
        var first = await Client.Receiving.ReceiveItemsAsync(receipt, handheld);
        var resent = await Client.Receiving.ReceiveItemsAsync(receipt, handheld);
        var rescanned = await Client.Receiving.ScanParcelAsync(scan, handheld);
        var differentReceipt = Receive(created.ReturnId, (0, 2));
        differentReceipt.ScanId = receipt.ScanId;
        var reused = await FailsAsync(Client.Receiving.ReceiveItemsAsync(differentReceipt, handheld));
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(first, resent);
        Assert.Equal(firstScan, rescanned); // still "in transit": the first answer, not today's state
        Assert.Equal(ReturnStatus.InTransit, rescanned.Status);
        Assert.Equal(1, read.Lines[0].ReceivedQuantity);
        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
        Assert.Contains("already used", reused.Status.Detail);
    }

    [Fact]
    public async Task Grading_the_last_line_issues_the_refund_per_grade_and_mismatch()
    {
        var (_, merchant, created) = await ReturnAsync(Line(sku: "JACKET", unitPrice: 80_00), Line(sku: "BOOTS", unitPrice: 60_00), Line(sku: "TENT", unitPrice: 30_00));
        var handheld = await HandheldAsync();
        await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1), (1, 1), (2, 1)), handheld);

        var graded = new List<Parcel>
        {
            await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 0, InspectionGrade.B), handheld),
            await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 1, InspectionGrade.A, MismatchFlag.MissingParts), handheld),
            await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 2, InspectionGrade.A, MismatchFlag.WrongItem), handheld),
        };
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal([ReturnStatus.Received, ReturnStatus.Received, ReturnStatus.RefundPending], graded.Select(p => p.Status));
        // Default policy: B refunds 100 %, missing parts at most C's 50 %, a wrong item nothing; no restocking fee.
        Assert.Equal([80_00L, 30_00L, 0L], read.Refund.Lines.Select(l => l.Net.MinorUnits));
        Assert.Equal(read.Refund.Lines.Sum(l => l.Net.MinorUnits) - read.Refund.ShippingFee.MinorUnits, read.Refund.Total.MinorUnits);
        Assert.Equal([MismatchFlag.MissingParts], read.Lines[1].Inspection.Mismatches);
        Assert.Equal(Device, read.Lines[2].Inspection.InspectedBy);
    }

    [Fact]
    public async Task Restocked_units_enter_the_centres_inventory_under_their_graded_sku()
    {
        var (tenantId, merchant, created) = await ReturnAsync(Line(sku: "SKU-123", quantity: 2, unitPrice: 20_00), Line(sku: "MUG", category: "kitchen", unitPrice: 20_00));
        var handheld = await HandheldAsync();
        await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 2), (1, 1)), handheld);
        await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 0, InspectionGrade.B), handheld);
        await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 1, InspectionGrade.D), handheld);
        var restock = Dispose(created.ReturnId, 0, Disposition.Restock);

        var restocked = await Client.Receiving.SetDispositionAsync(restock, handheld);
        var resent = await Client.Receiving.SetDispositionAsync(restock, handheld);
        var notResellable = await FailsAsync(Client.Receiving.SetDispositionAsync(Dispose(created.ReturnId, 1, Disposition.Restock), handheld));
        var recycled = await Client.Receiving.SetDispositionAsync(Dispose(created.ReturnId, 1, Disposition.Recycle), handheld);
        var inventory = await Client.Receiving.ListInventoryAsync(new ListInventoryRequest { TenantId = tenantId }, handheld);
        var byResaleSku = await Client.Receiving.ListInventoryAsync(new ListInventoryRequest { TenantId = tenantId, Sku = "SKU-123#B" }, handheld);
        var recycledOnly = await Client.Receiving.ListInventoryAsync(new ListInventoryRequest { TenantId = tenantId, Disposition = Disposition.Recycle }, handheld);
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(("SKU-123#B", 2), (restocked.Lines[0].Disposition.ResaleSku, restocked.Lines[0].Disposition.Quantity));
        Assert.Equal(restocked, resent);
        Assert.Equal(StatusCode.FailedPrecondition, notResellable.StatusCode);
        Assert.Equal(NextStep.Done, recycled.NextStep);
        Assert.Equal([("SKU-123", "SKU-123#B", InspectionGrade.B, Disposition.Restock, 2), ("MUG", "", InspectionGrade.D, Disposition.Recycle, 1)],
            inventory.Items.Select(i => (i.Sku, i.ResaleSku, i.Grade, i.Disposition, i.Quantity)).OrderBy(i => i.Disposition));
        Assert.Equal("SKU-123", Assert.Single(byResaleSku.Items).Sku);
        Assert.Equal("MUG", Assert.Single(recycledOnly.Items).Sku);
        Assert.Contains(inventory.Arrivals, a => a.Date == DateTime.UtcNow.ToString("yyyy-MM-dd") && a.Parcels >= 1);
        Assert.Equal(Disposition.Restock, read.Lines[0].Disposition.Disposition);
        Assert.Equal(ReturnStatus.RefundPending, read.Status); // dispositions do not touch the customer's side
    }

    [Fact]
    public async Task Inventory_pages_through_the_centres_units()
    {
        var (tenantId, _, created) = await ReturnAsync(Line(sku: "A-1", unitPrice: 20_00), Line(sku: "B-1", unitPrice: 20_00), Line(sku: "C-1", unitPrice: 20_00));
        var handheld = await HandheldAsync();
        await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1), (1, 1), (2, 1)), handheld);
        for (var line = 0; line < 3; line++) await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, line, InspectionGrade.A), handheld);
        for (var line = 0; line < 3; line++) await Client.Receiving.SetDispositionAsync(Dispose(created.ReturnId, line, Disposition.Liquidate), handheld);

        var first = await Client.Receiving.ListInventoryAsync(new ListInventoryRequest { TenantId = tenantId, PageSize = 2 }, handheld);
        var second = await Client.Receiving.ListInventoryAsync(new ListInventoryRequest { TenantId = tenantId, PageSize = 2, PageToken = first.NextPageToken }, handheld);
        var badToken = await FailsAsync(Client.Receiving.ListInventoryAsync(new ListInventoryRequest { PageToken = "%%%", PageSize = 501 }, handheld));

        Assert.Equal(["A-1", "B-1", "C-1"], first.Items.Concat(second.Items).Select(i => i.Sku));
        Assert.Empty(second.NextPageToken);
        Assert.Equal(StatusCode.InvalidArgument, badToken.StatusCode);
    }

    [Fact]
    public async Task An_empty_box_puts_the_return_in_exception_with_the_device_in_the_timeline()
    {
        var (_, merchant, created) = await ReturnAsync();
        var handheld = await HandheldAsync();

        var reported = await Client.Receiving.ReportExceptionAsync(Problem(created.ReturnId, ParcelProblem.EmptyBox, "tape intact, box empty"), handheld);
        var events = await EventsAsync(merchant, created.ReturnId);
        var receive = await FailsAsync(Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1)), handheld));

        Assert.Equal((ReturnStatus.Exception, NextStep.Hold), (reported.Status, reported.NextStep));
        var raised = events.Events[^1];
        Assert.Equal(("RaiseException", Device, "EmptyBox: tape intact, box empty"), (raised.Type, raised.Actor, raised.Details));
        Assert.Equal(StatusCode.FailedPrecondition, receive.StatusCode);
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_writes_nothing()
    {
        var (_, merchant, created) = await ReturnAsync();
        var handheld = await HandheldAsync();

        var scan = await FailsAsync(Client.Receiving.ScanParcelAsync(new ScanParcelRequest(), handheld));
        var receipt = Receive(created.ReturnId, (4, 1), (0, 0));
        var receive = await FailsAsync(Client.Receiving.ReceiveItemsAsync(receipt, handheld));
        var inspect = await FailsAsync(Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 0, InspectionGrade.Unspecified), handheld));
        var problem = await FailsAsync(Client.Receiving.ReportExceptionAsync(Problem(created.ReturnId, ParcelProblem.Unspecified), handheld));
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(["scan_id", "device_id", "barcode"], Fields(scan));
        Assert.Equal(["items[0].line_index", "items[1].quantity"], Fields(receive));
        Assert.Equal(StatusCode.FailedPrecondition, inspect.StatusCode); // nothing received yet: the state answers first
        Assert.Equal(["problem"], Fields(problem));
        Assert.Equal((ReturnStatus.LabelIssued, 0), (read.Status, read.Lines[0].ReceivedQuantity));
        Assert.Null(read.ArriveTime);
    }

    private static IEnumerable<string> Fields(RpcException error)
    {
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        return error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field);
    }
}
