using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Handhelds;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Returns;

/// <summary>ResolveException through the real binding: a FC-DEFAULT handheld reports the parcel's problem, the merchant resolves it.</summary>
[Collection(SiloCollection.Name)]
public sealed class ResolveExceptionApiTests(SiloFixture silo)
{
    private PlatformClient Client => silo.Client;

    private static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    private static List<string> Fields(RpcException error) => [.. error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field)];

    private static Money Usd(long cents) => new() { MinorUnits = cents, CurrencyCode = "USD" };

    private static ResolveExceptionRequest Resolve(string returnId, ExceptionResolution resolution, string note = "agreed with the customer",
        Money? amount = null) =>
        new() { RequestId = NewRequestId(), ReturnId = returnId, Resolution = resolution, Note = note, Amount = amount };

    /// <summary>A 129.00 USD carrier return whose parcel a handheld reported damaged.</summary>
    private async Task<(CallOptions Merchant, Return Created)> InExceptionAsync()
    {
        var merchant = As((await NewMerchantAsync(Client, SiloFixture.OperatorKey)).MerchantKey);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var handheld = await NewHandheldAsync(Client, SiloFixture.OperatorKey);
        var reported = await Client.Receiving.ReportExceptionAsync(Problem(created.ReturnId, ParcelProblem.DamagedInTransit, "crushed"), handheld);
        Assert.Equal(ReturnStatus.Exception, reported.Status);
        return (merchant, created);
    }

    private async Task<ReturnEvent> LastEventAsync(CallOptions merchant, string returnId) =>
        (await Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = returnId }, merchant)).Events[^1];

    [Fact]
    public async Task Resume_takes_the_return_back_to_where_it_was_when_reported()
    {
        var (merchant, created) = await InExceptionAsync();

        var resumed = await Client.Returns.ResolveExceptionAsync(Resolve(created.ReturnId, ExceptionResolution.Resume, note: ""), merchant);
        var last = await LastEventAsync(merchant, created.ReturnId);

        Assert.Equal(ReturnStatus.InTransit, resumed.Status); // the handheld's scan put the parcel in transit before reporting it
        Assert.Equal(created.Refund, resumed.Refund);
        Assert.Equal(("ResolveException", ReturnStatus.Exception, ReturnStatus.InTransit, "resumed"), (last.Type, last.FromStatus, last.ToStatus, last.Details));
        Assert.StartsWith("key:", last.Actor);
    }

    [Theory]
    [InlineData(ExceptionResolution.Refund, ReturnStatus.RefundPending, "IssueRefund", 129_00)]
    [InlineData(ExceptionResolution.StoreCredit, ReturnStatus.StoreCreditIssued, "IssueStoreCredit", 129_00)]
    [InlineData(ExceptionResolution.Close, ReturnStatus.Closed, "Close", 0)]
    public async Task Each_settlement_is_on_the_return_and_its_timeline(ExceptionResolution resolution, ReturnStatus status, string type, long total)
    {
        var (merchant, created) = await InExceptionAsync();

        var resolved = await Client.Returns.ResolveExceptionAsync(Resolve(created.ReturnId, resolution), merchant);
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);
        var last = await LastEventAsync(merchant, created.ReturnId);

        Assert.Equal((status, total), (resolved.Status, resolved.Refund.Total.MinorUnits));
        Assert.Equal(resolved, read);
        Assert.Equal((type, ReturnStatus.Exception), (last.Type, last.FromStatus));
        Assert.StartsWith("key:", last.Actor);
        Assert.EndsWith("; agreed with the customer", last.Details);
    }

    [Fact]
    public async Task A_refund_of_a_chosen_amount_shows_the_merchant_s_adjustment_and_can_be_confirmed()
    {
        var (merchant, created) = await InExceptionAsync();

        var refunded = await Client.Returns.ResolveExceptionAsync(Resolve(created.ReturnId, ExceptionResolution.Refund, "half, item kept", Usd(64_50)), merchant);
        var confirmed = await Client.Returns.ConfirmRefundAsync(new ConfirmRefundRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, PaymentReference = "pay-1" }, merchant);

        Assert.Equal((64_50L, -64_50L, 129_00L), (refunded.Refund.Total.MinorUnits, refunded.Refund.MerchantAdjustment.MinorUnits, refunded.Refund.Gross.MinorUnits));
        Assert.Equal(ReturnStatus.Refunded, confirmed.Status);
    }

    [Fact]
    public async Task A_return_not_in_exception_is_refused_naming_its_state()
    {
        var merchant = As((await NewMerchantAsync(Client, SiloFixture.OperatorKey)).MerchantKey);
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);

        var error = await FailsAsync(Client.Returns.ResolveExceptionAsync(Resolve(created.ReturnId, ExceptionResolution.Refund), merchant));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("label_issued", error.Status.Detail);
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_writes_nothing()
    {
        var (merchant, created) = await InExceptionAsync();

        var noResolution = await FailsAsync(Client.Returns.ResolveExceptionAsync(Resolve(created.ReturnId, ExceptionResolution.Unspecified), merchant));
        var close = await FailsAsync(Client.Returns.ResolveExceptionAsync(Resolve(created.ReturnId, ExceptionResolution.Close, note: ""), merchant));
        var tooMuch = await FailsAsync(Client.Returns.ResolveExceptionAsync(Resolve(created.ReturnId, ExceptionResolution.Refund, "", Usd(129_01)), merchant));
        var euros = new Money { MinorUnits = 10_00, CurrencyCode = "EUR" };
        var wrongCurrency = await FailsAsync(Client.Returns.ResolveExceptionAsync(Resolve(created.ReturnId, ExceptionResolution.StoreCredit, amount: euros), merchant));
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);

        Assert.All([noResolution, close, tooMuch, wrongCurrency], e => Assert.Equal(StatusCode.InvalidArgument, e.StatusCode));
        Assert.Equal(["resolution"], Fields(noResolution));
        Assert.Equal(["note"], Fields(close));
        Assert.Equal(["note", "amount.minor_units"], Fields(tooMuch));
        Assert.Equal(["amount", "amount.currency_code"], Fields(wrongCurrency));
        Assert.Equal((ReturnStatus.Exception, created.Refund), (read.Status, read.Refund));
    }

    [Fact]
    public async Task A_retried_request_answers_the_same_and_resolves_once()
    {
        var (merchant, created) = await InExceptionAsync();
        var request = Resolve(created.ReturnId, ExceptionResolution.StoreCredit);

        var first = await Client.Returns.ResolveExceptionAsync(request, merchant);
        var retried = await Client.Returns.ResolveExceptionAsync(request, merchant);
        var again = await FailsAsync(Client.Returns.ResolveExceptionAsync(Resolve(created.ReturnId, ExceptionResolution.StoreCredit), merchant));
        var events = await Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(first, retried);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Single(events.Events, e => e.Type == "IssueStoreCredit");
    }

    [Fact]
    public async Task Another_tenant_s_return_is_not_found()
    {
        var (_, created) = await InExceptionAsync();
        var stranger = As((await NewMerchantAsync(Client, SiloFixture.OperatorKey)).MerchantKey);

        var error = await FailsAsync(Client.Returns.ResolveExceptionAsync(Resolve(created.ReturnId, ExceptionResolution.Close), stranger));

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
