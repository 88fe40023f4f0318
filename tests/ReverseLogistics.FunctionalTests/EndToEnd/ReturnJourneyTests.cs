using ReverseLogistics.Domain.Routing;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Network.NetworkApi;
using static ReverseLogistics.FunctionalTests.Support.Handhelds;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.EndToEnd;

/// <summary>
/// The network, routing, returns and receiving together, over gRPC on a silo of their own: the operator builds a
/// network, a merchant's return is routed in it, the routed centre's handheld takes it to graded inventory and a
/// refund, and the return and its timeline explain every decision and name who took it.
/// </summary>
public abstract class ReturnJourneyTests : IAsyncLifetime
{
    private const string OperatorKey = "rl-journey-operator-key";
    private static readonly CallOptions Operator = As(OperatorKey);
    private InProcessSilo? _silo;

    protected abstract string? SkipReason { get; }

    protected abstract SiloOptions StoreOptions();

    private PlatformClient Client => _silo!.Client;

    public virtual async Task InitializeAsync()
    {
        if (SkipReason is null) _silo = await InProcessSilo.StartFreshAsync(StoreOptions() with { OperatorKey = OperatorKey });
    }

    public async Task DisposeAsync()
    {
        if (_silo is not null) await _silo.DisposeAsync();
    }

    private static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    /// <summary>Auto-approval up to 500.00, a 10 % restocking fee and grade B refunding 80 %.</summary>
    private async Task SetPolicyAsync(CallOptions merchant)
    {
        var policy = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), merchant);
        policy.AutoApprove.MaxTotalValue = new Money { MinorUnits = 500_00, CurrencyCode = "USD" };
        policy.RestockingFee = new RestockingFee { DefaultPercent = 10 };
        policy.GradeRefunds = new GradeRefunds { APercent = 100, BPercent = 80, CPercent = 50, DPercent = 20, ScrapPercent = 0 };
        await Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy }, merchant);
    }

    private async Task SetStatusAsync(string centreId, CenterStatus status)
    {
        var centre = await Client.Network.GetFulfillmentCenterAsync(new GetFulfillmentCenterRequest { FulfillmentCenterId = centreId }, Operator);
        centre.Status = status;
        await Client.Network.UpdateFulfillmentCenterAsync(new UpdateFulfillmentCenterRequest { RequestId = NewRequestId(), FulfillmentCenter = centre }, Operator);
    }

    private static string Who(ReturnEvent e) => e.Actor.StartsWith("key:", StringComparison.Ordinal) ? "key:" : e.Actor;

    [SkippableFact]
    public async Task A_return_is_routed_received_graded_restocked_and_refunded_and_its_timeline_explains_every_step()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var network = await TwoCentreNetwork.CreateAsync(Client, OperatorKey);
        var merchant = network.Merchant;
        await SetPolicyAsync(merchant);
        var pdx = await NewHandheldAsync(Client, OperatorKey, network.Portland);
        var nyc = await NewHandheldAsync(Client, OperatorKey, network.NewYork);

        var created = await Client.Returns.CreateReturnAsync(TwoCentreNetwork.PortlandReturn(lines: Line(sku: "TENT-2P", unitPrice: 200_00)), merchant);
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);
        var label = await Client.Returns.GetReturnLabelAsync(new GetReturnLabelRequest { ReturnId = created.ReturnId, Format = LabelFormat.Zpl }, merchant);
        var wrongCentre = await FailsAsync(Client.Receiving.ScanParcelAsync(Scan(created.TrackingNumber), nyc));
        var scanned = await Client.Receiving.ScanParcelAsync(Scan(created.TrackingNumber), pdx);
        var received = await Client.Receiving.ReceiveItemsAsync(Receive(created.ReturnId, (0, 1)), pdx);
        var inspected = await Client.Receiving.RecordInspectionAsync(Inspect(created.ReturnId, 0, InspectionGrade.B), pdx);
        var disposed = await Client.Receiving.SetDispositionAsync(Dispose(created.ReturnId, 0, Disposition.Restock), pdx);
        var inventory = await Client.Receiving.ListInventoryAsync(new ListInventoryRequest { TenantId = network.TenantId }, pdx);
        var refundPending = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);
        var refunded = await Client.Returns.ConfirmRefundAsync(
            new ConfirmRefundRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, PaymentReference = "re_journey" }, merchant);
        var timeline = (await Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, merchant)).Events;

        // Routed on distance to Portland, though New York is the contract's first choice; the decision is kept on the return.
        Assert.Equal((ReturnStatus.LabelIssued, network.Portland), (created.Status, created.DestinationFulfillmentCenterId));
        Assert.Equal(created, read);
        Assert.Equal((network.Portland, network.CarrierId, false), (read.Routing.FulfillmentCenterId, read.Routing.CarrierId, read.Routing.DefaultCentre));
        Assert.StartsWith($"{network.Portland} (score", read.Routing.Explanation);
        Assert.Contains("won on distance", read.Routing.Explanation);
        Assert.Equal([network.Portland, network.NewYork], read.Routing.Candidates.Select(c => c.FulfillmentCenterId));
        Assert.All(read.Routing.Candidates, c => Assert.True(c.Eligible));
        Assert.InRange(read.Routing.Candidates[0].DistanceKm, 0, 5);
        Assert.Equal(0, read.Routing.Candidates[1].PreferenceRank);
        // The label sends the parcel there, and only there.
        Assert.Equal((network.Portland, created.TrackingNumber), (label.DestinationFulfillmentCenterId, label.TrackingNumber));
        Assert.Contains(network.Portland, System.Text.Encoding.ASCII.GetString(label.Content.ToByteArray()));
        Assert.Equal(StatusCode.FailedPrecondition, wrongCentre.StatusCode);
        Assert.Contains($"'{network.Portland}'", wrongCentre.Status.Detail);
        // The handheld's way through.
        Assert.Equal((ReturnStatus.InTransit, NextStep.Receive, network.Portland), (scanned.Status, scanned.NextStep, scanned.DestinationFulfillmentCenterId));
        Assert.Equal((ReturnStatus.Received, NextStep.Inspect), (received.Status, received.NextStep));
        Assert.Equal((ReturnStatus.RefundPending, NextStep.SetDisposition), (inspected.Status, inspected.NextStep));
        Assert.Equal(Disposition.Restock, disposed.Lines[0].Disposition.Disposition);
        var unit = Assert.Single(inventory.Items);
        Assert.Equal((network.Portland, "TENT-2P", "TENT-2P#B", InspectionGrade.B, Disposition.Restock, 1),
            (inventory.FulfillmentCenterId, unit.Sku, unit.ResaleSku, unit.Grade, unit.Disposition, unit.Quantity));
        // 200.00 graded B (80 %) = 160.00, less 10 % restocking on the graded value = 144.00.
        Assert.Equal(ReturnStatus.RefundPending, refundPending.Status);
        var line = Assert.Single(refundPending.Refund.Lines);
        Assert.Equal((200_00, 40_00, 16_00, 144_00), (line.Gross.MinorUnits, line.GradeDeduction.MinorUnits, line.RestockingFee.MinorUnits, line.Net.MinorUnits));
        Assert.Equal(new Money { MinorUnits = 144_00, CurrencyCode = "USD" }, refundPending.Refund.Total);
        Assert.Equal((ReturnStatus.Refunded, "re_journey"), (refunded.Status, refunded.PaymentReference));
        // Every step, who took it, and why.
        var device = $"device:{network.Portland}/HH-1";
        Assert.Equal(
            [("Approve", "system:auto-approve"), ("IssueLabel", "system:labels"), ("MarkInTransit", device), ("ReceiveAll", device),
             ("InspectLine", device), ("CompleteInspection", "system:inspection"), ("IssueRefund", "system:refunds"), ("AssignDisposition", device),
             ("ConfirmRefund", "key:")],
            timeline.Select(e => (e.Type, Who(e))));
        Assert.Equal("Auto-approve: value at most 50000 USD minor units; customer not flagged.", timeline[0].Details);
        Assert.Equal($"tracking {created.TrackingNumber} to {network.Portland}; {read.Routing.Explanation}", timeline[1].Details);
        Assert.Equal($"parcel arrived at {network.Portland}", timeline.Single(e => e.Type == "MarkInTransit").Details);
        Assert.StartsWith("total 14400 USD (gross 20000, grading -4000, restocking -1600", timeline.Single(e => e.Type == "IssueRefund").Details);
        Assert.Equal("line 0: Restock as TENT-2P#B, 1 unit(s)", timeline.Single(e => e.Type == "AssignDisposition").Details);
    }

    [SkippableFact]
    public async Task A_return_rerouted_off_a_paused_centre_is_refused_by_the_old_centres_handheld_and_taken_by_the_new()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var network = await TwoCentreNetwork.CreateAsync(Client, OperatorKey);
        var pdx = await NewHandheldAsync(Client, OperatorKey, network.Portland);
        var nyc = await NewHandheldAsync(Client, OperatorKey, network.NewYork);
        var created = await Client.Returns.CreateReturnAsync(TwoCentreNetwork.PortlandReturn(), network.Merchant);

        await SetStatusAsync(network.Portland, CenterStatus.Paused);
        var rerouted = await Client.Network.RerouteReturnAsync(new RerouteReturnRequest
        {
            RequestId = NewRequestId(), TenantId = network.TenantId, ReturnId = created.ReturnId, Reason = "dock flooded",
        }, Operator);
        var oldCentre = await FailsAsync(Client.Receiving.ScanParcelAsync(Scan(rerouted.TrackingNumber), pdx));
        var scanned = await Client.Receiving.ScanParcelAsync(Scan(rerouted.TrackingNumber, device: "HH-9"), nyc);
        var timeline = (await Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, network.Merchant)).Events;

        Assert.Equal(network.Portland, created.DestinationFulfillmentCenterId);
        Assert.Equal((ReturnStatus.LabelIssued, network.NewYork), (rerouted.Status, rerouted.DestinationFulfillmentCenterId));
        Assert.Equal("PAUSED", Assert.Single(rerouted.Routing.Candidates, c => c.FulfillmentCenterId == network.Portland).RejectionCode);
        Assert.Equal(StatusCode.FailedPrecondition, oldCentre.StatusCode);
        Assert.Contains($"'{network.NewYork}'", oldCentre.Status.Detail);
        Assert.Equal((created.ReturnId, ReturnStatus.InTransit, network.NewYork), (scanned.ReturnId, scanned.Status, scanned.DestinationFulfillmentCenterId));
        Assert.Equal(
            [("Approve", "system:auto-approve"), ("IssueLabel", "system:labels"), ("Reroute", "key:"), ("MarkInTransit", $"device:{network.NewYork}/HH-9")],
            timeline.Select(e => (e.Type, Who(e))));
        Assert.StartsWith($"{network.Portland} -> {network.NewYork}: dock flooded; {network.NewYork} (score", timeline[2].Details);
    }
}
