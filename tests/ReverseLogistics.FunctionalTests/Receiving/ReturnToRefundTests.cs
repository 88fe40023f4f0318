using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Handhelds;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Receiving;

/// <summary>
/// From request to refund, all over gRPC: the merchant creates the return, the centre's handheld
/// scans, receives and inspects it, the refund is issued automatically and the merchant confirms it.
/// </summary>
public sealed class ReturnToRefundTests : IAsyncLifetime
{
    private const string OperatorKey = "rl-refund-operator-key";
    private InProcessSilo _silo = null!;

    public async Task InitializeAsync() => _silo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = OperatorKey });

    public async Task DisposeAsync() => await _silo.DisposeAsync();

    private PlatformClient Client => _silo.Client;

    private async Task<CallOptions> MerchantWithRestockingFeeAsync()
    {
        var (_, key) = await NewMerchantAsync(Client, OperatorKey);
        var policy = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(key));
        policy.RestockingFee = new RestockingFee { DefaultPercent = 10 };
        policy.AutoApprove.MaxTotalValue = new Money { MinorUnits = 1000_00, CurrencyCode = "USD" };
        await Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy }, As(key));
        return As(key);
    }

    [Fact]
    public async Task A_carrier_return_runs_from_request_to_refund_and_the_timeline_names_every_step_and_who_took_it()
    {
        var merchant = await MerchantWithRestockingFeeAsync();
        var handheld = await NewHandheldAsync(Client, OperatorKey);
        var damaged = Line(sku: "MUG", category: "kitchen", unitPrice: 50_00, reason: "damaged");
        damaged.PhotoUrls.Add("https://photos.example.com/mug.jpg");
        var created = await Client.Returns.CreateReturnAsync(NewReturn(lines: [Line(unitPrice: 100_00, quantity: 2), damaged]), merchant);

        var scanned = await Client.Receiving.ScanParcelAsync(Scan(created.TrackingNumber), handheld);
        var partly = await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1)), handheld);
        var fully = await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1), (1, 1)), handheld);
        var firstGrade = await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 0, InspectionGrade.C), handheld);
        var inspected = await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 1, InspectionGrade.A), handheld);
        var refundIssued = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);
        var settled = await Client.Returns.ConfirmRefundAsync(
            new ConfirmRefundRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, PaymentReference = "re_123" }, merchant);
        var events = await Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(ReturnStatus.LabelIssued, created.Status);
        Assert.Equal((created.ReturnId, ReturnStatus.InTransit, NextStep.Receive), (scanned.ReturnId, scanned.Status, scanned.NextStep));
        Assert.Equal(ReturnStatus.PartiallyReceived, partly.Status);
        Assert.Equal(ReturnStatus.Received, fully.Status);
        Assert.Equal((ReturnStatus.Received, NextStep.Inspect), (firstGrade.Status, firstGrade.NextStep));
        Assert.Equal((ReturnStatus.RefundPending, NextStep.SetDisposition), (inspected.Status, inspected.NextStep));
        // Line 0: 2 x 100.00 graded C (50 %) = 100.00, less 10 % restocking = 90.00. Line 1: damaged waives every fee = 50.00.
        Assert.Equal(ReturnStatus.RefundPending, refundIssued.Status);
        Assert.Equal(90_00, refundIssued.Refund.Lines.Single(l => l.LineIndex == 0).Net.MinorUnits);
        Assert.Equal(50_00, refundIssued.Refund.Lines.Single(l => l.LineIndex == 1).Net.MinorUnits);
        Assert.Equal(140_00, refundIssued.Refund.Total.MinorUnits);
        Assert.Equal(InspectionGrade.C, refundIssued.Lines[0].Inspection.Grade);
        Assert.Equal(ReturnStatus.Refunded, settled.Status);
        Assert.Equal("re_123", settled.PaymentReference);

        const string device = "device:FC-DEFAULT/HH-1";
        Assert.Equal(
            [("Approve", "system:auto-approve"), ("IssueLabel", "system:labels"), ("MarkInTransit", device), ("ReceiveSome", device),
             ("ReceiveAll", device), ("InspectLine", device), ("InspectLine", device), ("CompleteInspection", "system:inspection"),
             ("IssueRefund", "system:refunds"), ("ConfirmRefund", "key:")],
            events.Events.Select(e => (e.Type, e.Actor.StartsWith("key:", StringComparison.Ordinal) ? "key:" : e.Actor)));
        Assert.Equal("parcel arrived at FC-DEFAULT", events.Events.Single(e => e.Type == "MarkInTransit").Details);
        Assert.Equal("line 0: C; line 1: A", events.Events.Single(e => e.Type == "CompleteInspection").Details);
        Assert.Contains("total 14000 USD", events.Events.Single(e => e.Type == "IssueRefund").Details);
    }

    [Fact]
    public async Task A_partial_receipt_is_refunded_for_what_arrived()
    {
        var merchant = await MerchantWithRestockingFeeAsync();
        var handheld = await NewHandheldAsync(Client, OperatorKey);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(method: ReturnMethod.InStore, lines: Line(unitPrice: 100_00, quantity: 3)), merchant);

        await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1)), handheld);
        var inspected = await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 0, InspectionGrade.A), handheld);
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(ReturnStatus.RefundPending, inspected.Status);
        Assert.Equal(90_00, read.Refund.Total.MinorUnits); // one unit of 100.00, less 10 %
        Assert.Equal(1, read.Lines[0].ReceivedQuantity);
    }

    [Fact]
    public async Task Store_credit_carries_its_bonus_and_scrap_refunds_nothing()
    {
        var merchant = await MerchantWithRestockingFeeAsync();
        var handheld = await NewHandheldAsync(Client, OperatorKey);
        var credit = NewReturn(method: ReturnMethod.DropOffPoint, lines: Line(unitPrice: 100_00));
        credit.RequestedResolution = Resolution.StoreCredit;
        var creditReturn = await Client.Returns.CreateReturnAsync(credit, merchant);
        var scrapReturn = await Client.Returns.CreateReturnAsync(NewReturn(method: ReturnMethod.DropOffPoint, lines: Line(unitPrice: 100_00)), merchant);

        foreach (var id in new[] { creditReturn.ReturnId, scrapReturn.ReturnId })
            await Client.Receiving.ReceiveItemsAsync(Receive(id, (0, 1)), handheld);
        var issued = await Client.Receiving.RecordInspectionAsync(Inspect(creditReturn.ReturnId, 0, InspectionGrade.A), handheld);
        var scrapped = await Client.Receiving.RecordInspectionAsync(Inspect(scrapReturn.ReturnId, 0, InspectionGrade.Scrap), handheld);
        var creditRead = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = creditReturn.ReturnId }, merchant);
        var scrapRead = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = scrapReturn.ReturnId }, merchant);

        Assert.Equal(ReturnStatus.StoreCreditIssued, issued.Status);
        Assert.Equal(90_00, creditRead.Refund.Total.MinorUnits); // the default policy's bonus is 0 %
        Assert.Equal(ReturnStatus.Closed, scrapped.Status);
        Assert.Equal(0, scrapRead.Refund.Total.MinorUnits);
    }

    [Fact]
    public async Task The_refund_waits_until_every_received_line_is_graded()
    {
        var merchant = await MerchantWithRestockingFeeAsync();
        var handheld = await NewHandheldAsync(Client, OperatorKey);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(method: ReturnMethod.DropOffPoint, lines: [Line(), Line(sku: "B")]), merchant);
        await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1), (1, 1)), handheld);

        var graded = await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 0, InspectionGrade.A), handheld);
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(ReturnStatus.Received, graded.Status);
        Assert.Equal("grade line(s) 1", graded.NextStepDetail);
        Assert.Equal(ReturnStatus.Received, read.Status);
        Assert.Equal(created.Refund, read.Refund); // still the estimate
    }
}
