using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using ReverseLogistics.V1;
using static ReverseLogistics.Cli.Demo.DemoReturns;

namespace ReverseLogistics.Cli.Demo;

/// <summary>
/// The paths `rlctl demo` takes returns through, each as the merchant, the centre's handheld and the carrier would
/// call the API, each step checked against the state the return must be in after it.
/// </summary>
public sealed class DemoPaths(DemoWorld world, CancellationToken cancellationToken)
{
    private CallOptions Call => new(cancellationToken: cancellationToken);

    public static IReadOnlyList<(DemoPath Path, Func<DemoPaths, DemoRecorder, Task> Run)> All() =>
    [
        (new DemoPath("auto-approved-pickup", "Auto-approved, picked up, graded, restocked, refunded",
            ["auto-approved", "pickup", "grading", "disposition", "refund"]), (paths, r) => paths.PickupAsync(r)),
        (new DemoPath("manual-review-drop-off-partial", "Reviewed, dropped off, half received, graded, refunded",
            ["manual-review", "drop-off", "partial-receipt", "grading", "disposition", "refund"]), (paths, r) => paths.ReviewedDropOffAsync(r)),
        (new DemoPath("exception-resolved", "Damaged in transit: exception resolved with a refund",
            ["auto-approved", "exception-resolved", "refund"]), (paths, r) => paths.ExceptionAsync(r)),
    ];

    private async Task PickupAsync(DemoRecorder r)
    {
        var created = await CreateAsync(r, Request("demo-cust-1", Portland, ReturnMethod.CarrierPickup, "TENT-2P", "outdoor", 129_00, 1, "changed_mind"),
            ReturnStatus.LabelIssued, DecisionKind.AutoApprove, world.Portland);
        var date = DateTime.UtcNow.Date.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var pickup = await world.Merchant.Pickups.SchedulePickupAsync(
            new SchedulePickupRequest { RequestId = DemoSetup.NewId(), ReturnId = created.ReturnId, Date = date }, Call);
        r.Check("book pickup", (await GetAsync(created.ReturnId)).Status, ReturnStatus.AwaitingPickup,
            $"{pickup.CarrierId} on {pickup.Window.Date} {pickup.Window.Starts}-{pickup.Window.Ends} ({pickup.Window.TimeZone})",
            pickup.Status == PickupStatus.Booked ? null : $"the pickup is {pickup.Status}, not booked");
        var tracked = await world.Operator.Pickups.ReportTrackingEventAsync(new ReportTrackingEventRequest
        {
            RequestId = DemoSetup.NewId(), TrackingNumber = created.TrackingNumber, CarrierEventId = "demo-" + DemoSetup.NewId(),
            Kind = TrackingEventKind.PickedUp, OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow), CarrierId = world.CarrierId, Location = "Portland, OR",
        }, Call);
        r.Check("carrier: picked up", tracked.Status, ReturnStatus.InTransit, tracked.Explanation,
            tracked.Outcome == TrackingOutcome.Applied ? null : $"the tracking event was {tracked.Outcome}");
        await ReceiveGradeAndDisposeAsync(r, world.Portland, created.TrackingNumber, created.ReturnId, received: 1, ReturnStatus.Received,
            InspectionGrade.B, Disposition.Restock);
        await ConfirmRefundAsync(r, created.ReturnId);
    }

    private async Task ReviewedDropOffAsync(DemoRecorder r)
    {
        var created = await CreateAsync(r, Request("demo-cust-2", NewYork, ReturnMethod.DropOffPoint, "JACKET-M", "apparel", 120_00, 2, "wrong_size"),
            ReturnStatus.ManualReview, DecisionKind.ManualReview, expectedCentre: null);
        var approved = await world.Merchant.Returns.ApproveReturnAsync(
            new ApproveReturnRequest { RequestId = DemoSetup.NewId(), ReturnId = created.ReturnId, Note = "regular customer" }, Call);
        r.Check("merchant approves", approved.Status, ReturnStatus.AwaitingDropoff,
            $"QR code for {approved.DestinationFulfillmentCenterId}: the customer drops the parcel off",
            approved.DestinationFulfillmentCenterId == world.NewYork ? null : $"routed to {approved.DestinationFulfillmentCenterId}, not {world.NewYork}");
        // One of the two jackets arrives: the return is settled for what came.
        await ReceiveGradeAndDisposeAsync(r, world.NewYork, created.ReturnId, created.ReturnId, received: 1, ReturnStatus.PartiallyReceived,
            InspectionGrade.A, Disposition.Restock);
        var settled = await GetAsync(created.ReturnId);
        r.Check("refund for 1 of 2", settled.Status, ReturnStatus.RefundPending, $"refund {Amount(settled.Refund?.Total)} (gross {Amount(settled.Refund?.Gross)})",
            settled.Refund?.Gross?.MinorUnits == 120_00 ? null : $"the refund's gross is {Amount(settled.Refund?.Gross)}, not one jacket's 120.00");
        await ConfirmRefundAsync(r, created.ReturnId);
    }

    private async Task ExceptionAsync(DemoRecorder r)
    {
        var created = await CreateAsync(r, Request("demo-cust-3", Portland, ReturnMethod.CarrierPickup, "LANTERN", "outdoor", 45_00, 1, "defective"),
            ReturnStatus.LabelIssued, DecisionKind.AutoApprove, world.Portland);
        var handheld = world.Handhelds[world.Portland].Receiving;
        var scanned = await handheld.ScanParcelAsync(new ScanParcelRequest { ScanId = ScanId(), DeviceId = DemoWorld.Device, Barcode = created.TrackingNumber }, Call);
        r.Check("handheld: scan", scanned.Status, ReturnStatus.InTransit, $"arrived at {scanned.DestinationFulfillmentCenterId}");
        var problem = await handheld.ReportExceptionAsync(new ReportExceptionRequest
        {
            ScanId = ScanId(), DeviceId = DemoWorld.Device, ReturnId = created.ReturnId, Problem = ParcelProblem.DamagedInTransit, Notes = "crushed box",
        }, Call);
        r.Check("handheld: exception", problem.Status, ReturnStatus.Exception, "damaged in transit: the merchant decides");
        var resolved = await world.Merchant.Returns.ResolveExceptionAsync(new ResolveExceptionRequest
        {
            RequestId = DemoSetup.NewId(), ReturnId = created.ReturnId, Resolution = ExceptionResolution.Refund, Note = "carrier's fault: refund anyway",
        }, Call);
        r.Check("merchant resolves", resolved.Status, ReturnStatus.RefundPending, $"refund anyway: {Amount(resolved.Refund?.Total)}");
        await ConfirmRefundAsync(r, created.ReturnId);
    }

    private async Task<Return> CreateAsync(DemoRecorder r, CreateReturnRequest request, ReturnStatus expected, DecisionKind decision, string? expectedCentre)
    {
        var created = await world.Merchant.Returns.CreateReturnAsync(request, Call);
        r.Path.ReturnId = created.ReturnId;
        var line = request.Lines[0];
        var routed = created.DestinationFulfillmentCenterId.Length > 0 ? $"; routed to {created.DestinationFulfillmentCenterId}" : "";
        var problem = created.Decision?.Kind != decision ? $"the decision was {created.Decision?.Kind}, not {decision}"
            : expectedCentre is not null && created.DestinationFulfillmentCenterId != expectedCentre ? $"routed to {created.DestinationFulfillmentCenterId}, not {expectedCentre}"
            : null;
        r.Check("merchant creates", created.Status, expected,
            $"{created.ReturnId}: {line.Quantity} x {line.Sku} at {Amount(line.UnitPrice)}, {Reasons(created)}{routed}", problem);
        return created;
    }

    private async Task ReceiveGradeAndDisposeAsync(DemoRecorder r, string centre, string barcode, string returnId, int received, ReturnStatus afterReceipt,
        InspectionGrade grade, Disposition disposition)
    {
        var handheld = world.Handhelds[centre].Receiving;
        var scanned = await handheld.ScanParcelAsync(new ScanParcelRequest { ScanId = ScanId(), DeviceId = DemoWorld.Device, Barcode = barcode }, Call);
        r.Check("handheld: scan", scanned.Status, ReturnStatus.InTransit, $"{barcode} at {centre}; next: receive",
            scanned.NextStep == NextStep.Receive ? null : $"the next step is {scanned.NextStep}, not receive");
        var receipt = await handheld.ReceiveItemsAsync(new ReceiveItemsRequest
        {
            ScanId = ScanId(), DeviceId = DemoWorld.Device, ReturnId = returnId, Items = { new ReceivedUnits { LineIndex = 0, Quantity = received } },
        }, Call);
        r.Check("handheld: receive", receipt.Status, afterReceipt, $"{receipt.Lines[0].ReceivedQuantity} of {receipt.Lines[0].ExpectedQuantity} unit(s)");
        var inspected = await handheld.RecordInspectionAsync(new RecordInspectionRequest
        {
            ScanId = ScanId(), DeviceId = DemoWorld.Device, ReturnId = returnId, LineIndex = 0, Grade = grade, Notes = "checked by rlctl demo",
        }, Call);
        r.Check("handheld: inspect", inspected.Status, ReturnStatus.RefundPending, $"grade {grade}: the refund is issued, pending payment");
        var disposed = await handheld.SetDispositionAsync(new SetDispositionRequest
        {
            ScanId = ScanId(), DeviceId = DemoWorld.Device, ReturnId = returnId, LineIndex = 0, Disposition = disposition,
        }, Call);
        var decided = disposed.Lines[0].Disposition;
        r.Check("handheld: dispose", disposed.Status, ReturnStatus.RefundPending,
            $"{decided?.Disposition}" + (decided?.ResaleSku is { Length: > 0 } sku ? $" as {sku}" : ""),
            decided?.Disposition == disposition ? null : $"the line's disposition is {decided?.Disposition}, not {disposition}");
    }

    private async Task ConfirmRefundAsync(DemoRecorder r, string returnId)
    {
        var refunded = await world.Merchant.Returns.ConfirmRefundAsync(
            new ConfirmRefundRequest { RequestId = DemoSetup.NewId(), ReturnId = returnId, PaymentReference = "demo-pay-" + returnId[^6..] }, Call);
        r.Check("merchant confirms", refunded.Status, ReturnStatus.Refunded, $"{Amount(refunded.Refund?.Total)} paid, reference {refunded.PaymentReference}");
        var timeline = await world.Merchant.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = returnId }, Call);
        r.Path.TimelineEvents = timeline.Events.Count;
        r.Note("timeline", string.Join(", ", timeline.Events.Select(e => e.Type)));
    }

    private async Task<Return> GetAsync(string returnId) =>
        await world.Merchant.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = returnId }, Call);

    private static string Reasons(Return created) =>
        created.Decision is null ? "no decision" : string.Join("; ", created.Decision.Reasons.Select(reason => reason.Message.TrimEnd('.'))) is { Length: > 0 } why
            ? why : created.Decision.Kind.ToString();

    private static string ScanId() => "scan-" + DemoSetup.NewId();
}
