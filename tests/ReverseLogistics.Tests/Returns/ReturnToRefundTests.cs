using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Client;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Tests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.Tests.Support.Returns;
using static ReverseLogistics.Tests.Support.TenantAdmin;
using ReturnMethod = ReverseLogistics.V1.ReturnMethod;

namespace ReverseLogistics.Tests.Returns;

/// <summary>
/// From request to refund: the merchant's side over gRPC; the warehouse's receipt and inspection
/// (whose handheld API comes with the fulfilment network) driven on the return actor in the same silo.
/// </summary>
public sealed class ReturnToRefundTests : IAsyncLifetime
{
    private const string OperatorKey = "rl-refund-operator-key";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("rl-refund-").FullName;
    private InProcessSilo _silo = null!;

    public async Task InitializeAsync() =>
        _silo = await InProcessSilo.StartAsync(new SiloOptions { DataDirectory = _dataDirectory, OperatorKey = OperatorKey });

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private GrpcChannel Channel => _silo.Channel;

    private ActorRef<ReturnActor> Warehouse(string tenantId, string returnId) =>
        _silo.Services.GetRequiredService<ActorRuntime>().Get<ReturnActor>(tenantId, returnId);

    private async Task<(string TenantId, CallOptions Merchant)> MerchantWithRestockingFeeAsync()
    {
        var (tenantId, key) = await NewMerchantAsync(Channel, OperatorKey);
        var policy = await Channel.Unary(GetPolicy, new GetReturnPolicyRequest(), As(key));
        policy.RestockingFee = new RestockingFee { DefaultPercent = 10 };
        policy.AutoApprove.MaxTotalValue = new Money { MinorUnits = 1000_00, CurrencyCode = "USD" };
        await Channel.Unary(UpdatePolicy, new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy }, As(key));
        return (tenantId, As(key));
    }

    [Fact]
    public async Task Received_and_inspected_items_are_refunded_per_policy_and_grade_then_settled()
    {
        var (tenantId, merchant) = await MerchantWithRestockingFeeAsync();
        var damaged = Line(sku: "MUG", category: "kitchen", unitPrice: 50_00, reason: "damaged");
        damaged.PhotoUrls.Add("https://photos.example.com/mug.jpg");
        var created = await Channel.Unary(CreateReturn,
            NewReturn(method: ReturnMethod.DropOffPoint, lines: [Line(unitPrice: 100_00, quantity: 2), damaged]), merchant);

        var partly = await Warehouse(tenantId, created.ReturnId).AskAsync(r => r.ReceiveAsync([new ReceivedItem(0, 1)], "device:HH-1", null));
        var fully = await Warehouse(tenantId, created.ReturnId).AskAsync(r => r.ReceiveAsync([new ReceivedItem(0, 1), new ReceivedItem(1, 1)], "device:HH-1", null));
        var inspected = await Warehouse(tenantId, created.ReturnId).AskAsync(r =>
            r.InspectAsync(new Dictionary<int, InspectionGrade> { [0] = InspectionGrade.C, [1] = InspectionGrade.A }, "device:HH-1", null));
        var settled = await Channel.Unary(ConfirmRefund,
            new ConfirmRefundRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, PaymentReference = "re_123" }, merchant);
        var events = await Channel.Unary(ListReturnEvents, new ListReturnEventsRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(ReturnStatus.PartiallyReceived, partly.Status);
        Assert.Equal(ReturnStatus.Received, fully.Status);
        Assert.Equal(ReturnStatus.RefundPending, inspected.Status);
        // Line 0: 2 x 100.00 graded C (50 %) = 100.00, less 10 % restocking = 90.00. Line 1: damaged waives every fee = 50.00.
        Assert.Equal(90_00, inspected.Refund.Lines.Single(l => l.LineIndex == 0).Net.MinorUnits);
        Assert.Equal(50_00, inspected.Refund.Lines.Single(l => l.LineIndex == 1).Net.MinorUnits);
        Assert.Equal(140_00, inspected.Refund.Total.MinorUnits);
        Assert.Equal(ReturnStatus.Refunded, settled.Status);
        Assert.Equal("re_123", settled.PaymentReference);
        Assert.Equal(["Approve", "IssueLabel", "AwaitDropOff", "ReceiveSome", "ReceiveAll", "CompleteInspection", "IssueRefund", "ConfirmRefund"],
            events.Events.Select(e => e.Type));
        Assert.Contains("total 14000 USD", events.Events.Single(e => e.Type == "IssueRefund").Details);
        Assert.Equal("device:HH-1", events.Events.Single(e => e.Type == "CompleteInspection").Actor);
    }

    [Fact]
    public async Task A_partial_receipt_is_refunded_for_what_arrived()
    {
        var (tenantId, merchant) = await MerchantWithRestockingFeeAsync();
        var created = await Channel.Unary(CreateReturn, NewReturn(method: ReturnMethod.InStore, lines: Line(unitPrice: 100_00, quantity: 3)), merchant);

        await Warehouse(tenantId, created.ReturnId).AskAsync(r => r.ReceiveAsync([new ReceivedItem(0, 1)], "device:HH-2", null));
        var inspected = await Warehouse(tenantId, created.ReturnId).AskAsync(r =>
            r.InspectAsync(new Dictionary<int, InspectionGrade> { [0] = InspectionGrade.A }, "device:HH-2", null));

        Assert.Equal(ReturnStatus.RefundPending, inspected.Status);
        Assert.Equal(90_00, inspected.Refund.Total.MinorUnits); // one unit of 100.00, less 10 %
        Assert.Equal(1, inspected.Lines[0].ReceivedQuantity);
    }

    [Fact]
    public async Task Store_credit_carries_its_bonus_and_scrap_refunds_nothing()
    {
        var (tenantId, merchant) = await MerchantWithRestockingFeeAsync();
        var credit = NewReturn(method: ReturnMethod.DropOffPoint, lines: Line(unitPrice: 100_00));
        credit.RequestedResolution = V1.Resolution.StoreCredit;
        var creditReturn = await Channel.Unary(CreateReturn, credit, merchant);
        var scrapReturn = await Channel.Unary(CreateReturn, NewReturn(method: ReturnMethod.DropOffPoint, lines: Line(unitPrice: 100_00)), merchant);

        foreach (var id in new[] { creditReturn.ReturnId, scrapReturn.ReturnId })
            await Warehouse(tenantId, id).AskAsync(r => r.ReceiveAsync([new ReceivedItem(0, 1)], "device:HH-3", null));
        var issued = await Warehouse(tenantId, creditReturn.ReturnId).AskAsync(r =>
            r.InspectAsync(new Dictionary<int, InspectionGrade> { [0] = InspectionGrade.A }, "device:HH-3", null));
        var scrapped = await Warehouse(tenantId, scrapReturn.ReturnId).AskAsync(r =>
            r.InspectAsync(new Dictionary<int, InspectionGrade> { [0] = InspectionGrade.Scrap }, "device:HH-3", null));

        Assert.Equal(ReturnStatus.StoreCreditIssued, issued.Status);
        Assert.Equal(90_00, issued.Refund.Total.MinorUnits); // the default policy's bonus is 0 %
        Assert.Equal(ReturnStatus.Closed, scrapped.Status);
        Assert.Equal(0, scrapped.Refund.Total.MinorUnits);
    }

    [Fact]
    public async Task Inspection_needs_a_grade_for_every_received_line_and_changes_nothing_otherwise()
    {
        var (tenantId, merchant) = await MerchantWithRestockingFeeAsync();
        var created = await Channel.Unary(CreateReturn, NewReturn(method: ReturnMethod.DropOffPoint, lines: [Line(), Line(sku: "B")]), merchant);
        await Warehouse(tenantId, created.ReturnId).AskAsync(r => r.ReceiveAsync([new ReceivedItem(0, 1), new ReceivedItem(1, 1)], "device:HH-4", null));

        var error = await Assert.ThrowsAsync<Domain.Errors.InvalidInputException>(() => Warehouse(tenantId, created.ReturnId).AskAsync(r =>
            r.InspectAsync(new Dictionary<int, InspectionGrade> { [0] = InspectionGrade.A }, "device:HH-4", null)));
        var unchanged = await Channel.Unary(GetReturn, new GetReturnRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal("grades[1]", Assert.Single(error.Violations).Field);
        Assert.Equal(ReturnStatus.Received, unchanged.Status);
    }
}
