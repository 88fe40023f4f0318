using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Returns;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Returns;

/// <summary>ReturnsService through the real binding, under the default policy unless a test sets one.</summary>
[Collection(SiloCollection.Name)]
public sealed class ReturnsApiTests(SiloFixture silo)
{
    private PlatformClient Client => silo.Client;

    private async Task<CallOptions> MerchantAsync() => As((await NewMerchantAsync(Client, SiloFixture.OperatorKey)).MerchantKey);

    private static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    [Fact]
    public async Task A_small_carrier_return_is_approved_automatically_with_a_label()
    {
        var merchant = await MerchantAsync();

        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, merchant);
        var events = await Client.Returns.ListReturnEventsAsync(new ListReturnEventsRequest { ReturnId = created.ReturnId }, merchant);

        Assert.Equal(ReturnStatus.LabelIssued, created.Status);
        Assert.Equal(DecisionKind.AutoApprove, created.Decision.Kind);
        Assert.StartsWith("RL", created.TrackingNumber);
        Assert.Equal("FC-DEFAULT", created.DestinationFulfillmentCenterId);
        Assert.Equal(129_00, created.Refund.Total.MinorUnits);
        Assert.Equal(created, read);
        Assert.Equal(["Approve", "IssueLabel"], events.Events.Select(e => e.Type));
        Assert.Equal("system:auto-approve", events.Events[0].Actor);
        Assert.Equal([1L, 2L], events.Events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task An_address_without_coordinates_reads_back_without_them_and_one_with_them_keeps_them()
    {
        var merchant = await MerchantAsync();
        var located = NewReturn(customer: "cust-located");
        located.CustomerAddress.Latitude = 45.52;
        located.CustomerAddress.Longitude = -122.68;

        var plain = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);
        var read = await Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = plain.ReturnId }, merchant);
        var withCoordinates = await Client.Returns.CreateReturnAsync(located, merchant);

        Assert.False(read.CustomerAddress.HasLatitude || read.CustomerAddress.HasLongitude, read.CustomerAddress.ToString());
        Assert.False(plain.CustomerAddress.HasLatitude || plain.CustomerAddress.HasLongitude, plain.CustomerAddress.ToString());
        Assert.Equal((45.52, -122.68), (withCoordinates.CustomerAddress.Latitude, withCoordinates.CustomerAddress.Longitude));
    }

    [Fact]
    public async Task A_drop_off_return_awaits_the_customer_with_a_qr_label()
    {
        var merchant = await MerchantAsync();

        var created = await Client.Returns.CreateReturnAsync(NewReturn(method: ReturnMethod.DropOffPoint), merchant);
        var label = await Client.Returns.GetReturnLabelAsync(new GetReturnLabelRequest { ReturnId = created.ReturnId, Format = LabelFormat.Png }, merchant);

        Assert.Equal(ReturnStatus.AwaitingDropoff, created.Status);
        Assert.Equal("", created.TrackingNumber);
        Assert.Equal("image/png", label.ContentType);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, label.Content.Take(4));
    }

    [Theory]
    [InlineData(LabelFormat.Zpl, "application/zpl")]
    [InlineData(LabelFormat.Pdf, "application/pdf")]
    [InlineData(LabelFormat.Unspecified, "application/pdf")]
    public async Task Labels_come_in_every_format(LabelFormat format, string contentType)
    {
        var merchant = await MerchantAsync();
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);

        var label = await Client.Returns.GetReturnLabelAsync(new GetReturnLabelRequest { ReturnId = created.ReturnId, Format = format }, merchant);

        Assert.Equal(contentType, label.ContentType);
        Assert.Equal(created.TrackingNumber, label.TrackingNumber);
        Assert.NotEmpty(label.Content);
    }

    [Fact]
    public async Task An_expensive_return_waits_for_review_then_is_approved_once()
    {
        var merchant = await MerchantAsync();
        var created = await Client.Returns.CreateReturnAsync(NewReturn(lines: Line(unitPrice: 450_00)), merchant);
        var approve = new ApproveReturnRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, Note = "checked photos" };

        var approved = await Client.Returns.ApproveReturnAsync(approve, merchant);
        var retried = await Client.Returns.ApproveReturnAsync(approve, merchant);
        var again = await FailsAsync(Client.Returns.ApproveReturnAsync(new ApproveReturnRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId }, merchant));

        Assert.Equal(ReturnStatus.ManualReview, created.Status);
        Assert.Contains(created.Decision.Reasons, r => r.Code == "VALUE_OVER_LIMIT");
        Assert.Equal(ReturnStatus.LabelIssued, approved.Status);
        Assert.Equal(approved, retried);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
        Assert.Contains("label_issued", again.Status.Detail);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_is_final()
    {
        var merchant = await MerchantAsync();
        var created = await Client.Returns.CreateReturnAsync(NewReturn(lines: Line(unitPrice: 450_00)), merchant);

        var noReason = await FailsAsync(Client.Returns.RejectReturnAsync(new RejectReturnRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId }, merchant));
        var rejected = await Client.Returns.RejectReturnAsync(new RejectReturnRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, Reason = "worn" }, merchant);
        var cancel = await FailsAsync(Client.Returns.CancelReturnAsync(new CancelReturnRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId }, merchant));

        Assert.Equal("reason", Assert.Single(noReason.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
        Assert.Equal(ReturnStatus.Rejected, rejected.Status);
        Assert.Equal(StatusCode.FailedPrecondition, cancel.StatusCode);
    }

    [Fact]
    public async Task A_cancelled_return_has_no_label_and_cannot_be_refunded()
    {
        var merchant = await MerchantAsync();
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);

        var cancelled = await Client.Returns.CancelReturnAsync(new CancelReturnRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, Reason = "kept it" }, merchant);
        var label = await FailsAsync(Client.Returns.GetReturnLabelAsync(new GetReturnLabelRequest { ReturnId = created.ReturnId }, merchant));
        var refund = await FailsAsync(Client.Returns.ConfirmRefundAsync(new ConfirmRefundRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId, PaymentReference = "re_1" }, merchant));

        Assert.Equal(ReturnStatus.Cancelled, cancelled.Status);
        Assert.Equal(StatusCode.FailedPrecondition, label.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, refund.StatusCode);
        Assert.Contains("cancelled", refund.Status.Detail);
    }

    [Fact]
    public async Task In_a_mixed_return_only_eligible_lines_proceed()
    {
        var merchant = await MerchantAsync();

        var created = await Client.Returns.CreateReturnAsync(NewReturn(lines: [Line(), Line(sku: "GIFT-50", category: "gift_cards", unitPrice: 50_00)]), merchant);

        Assert.Equal(ReturnStatus.LabelIssued, created.Status);
        Assert.True(created.Lines[0].Eligibility.Eligible);
        Assert.Equal("NON_RETURNABLE_CATEGORY", Assert.Single(created.Lines[1].Eligibility.Problems).Code);
        Assert.Equal(129_00, created.Refund.Total.MinorUnits);
    }

    [Fact]
    public async Task The_window_includes_its_last_day_and_not_the_next()
    {
        var merchant = await MerchantAsync();
        var check = new CheckEligibilityRequest
        {
            CustomerReference = "cust-window",
            CustomerAddress = NewReturn().CustomerAddress,
            RequestedResolution = Resolution.RefundToOriginalPayment,
            ReturnMethod = ReturnMethod.CarrierPickup,
            Lines = { Line(sku: "LAST-DAY", deliveredDaysAgo: 30), Line(sku: "TOO-LATE", deliveredDaysAgo: 31) },
        };

        var result = await Client.Returns.CheckEligibilityAsync(check, merchant);

        Assert.True(result.Lines[0].Eligible);
        Assert.Equal("OUTSIDE_WINDOW", Assert.Single(result.Lines[1].Problems).Code);
        Assert.Equal(DecisionKind.AutoApprove, result.Decision.Kind);
        Assert.Empty((await Client.Returns.ListReturnsAsync(new ListReturnsRequest { CustomerReference = "cust-window" }, merchant)).Returns);
    }

    [Fact]
    public async Task A_customer_over_the_fraud_threshold_goes_to_review()
    {
        var merchant = await MerchantAsync();
        var policy = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), merchant);
        policy.Fraud = new FraudCheck { LookbackDays = 30, MaxReturns = 1 };
        await Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = policy }, merchant);

        var first = await Client.Returns.CreateReturnAsync(NewReturn("serial-returner"), merchant);
        var second = await Client.Returns.CreateReturnAsync(NewReturn("serial-returner"), merchant);
        var third = await Client.Returns.CreateReturnAsync(NewReturn("serial-returner"), merchant);
        var someoneElse = await Client.Returns.CreateReturnAsync(NewReturn("occasional"), merchant);

        Assert.Equal(ReturnStatus.LabelIssued, first.Status);
        Assert.Equal(ReturnStatus.LabelIssued, second.Status);
        Assert.Equal(ReturnStatus.ManualReview, third.Status);
        Assert.Contains(third.Decision.Reasons, r => r.Code == "FRAUD_THRESHOLD_EXCEEDED");
        Assert.Equal(ReturnStatus.LabelIssued, someoneElse.Status);
    }

    [Fact]
    public async Task Returns_are_listed_newest_first_with_filters_and_pages()
    {
        var merchant = await MerchantAsync();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await Client.Returns.CreateReturnAsync(NewReturn("lister", lines: Line(order: $"SO-{i}")), merchant)).ReturnId);
        var review = await Client.Returns.CreateReturnAsync(NewReturn("lister", lines: Line(unitPrice: 999_00, order: "SO-BIG")), merchant);

        var firstPage = await Client.Returns.ListReturnsAsync(new ListReturnsRequest { CustomerReference = "lister", PageSize = 2 }, merchant);
        var secondPage = await Client.Returns.ListReturnsAsync(new ListReturnsRequest { CustomerReference = "lister", PageSize = 2, PageToken = firstPage.NextPageToken }, merchant);
        var inReview = await Client.Returns.ListReturnsAsync(new ListReturnsRequest { Status = ReturnStatus.ManualReview }, merchant);
        var byOrder = await Client.Returns.ListReturnsAsync(new ListReturnsRequest { OrderReference = "SO-1" }, merchant);

        Assert.Equal([review.ReturnId, ids[2], ids[1], ids[0]], firstPage.Returns.Concat(secondPage.Returns).Select(r => r.ReturnId));
        Assert.Equal("", secondPage.NextPageToken);
        Assert.Equal(review.ReturnId, Assert.Single(inReview.Returns).ReturnId);
        Assert.Equal(ids[1], Assert.Single(byOrder.Returns).ReturnId);
    }

    [Fact]
    public async Task Another_merchants_return_is_not_found()
    {
        var merchant = await MerchantAsync();
        var other = await MerchantAsync();
        var created = await Client.Returns.CreateReturnAsync(NewReturn(), merchant);

        var foreign = await FailsAsync(Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = created.ReturnId }, other));
        var cancel = await FailsAsync(Client.Returns.CancelReturnAsync(new CancelReturnRequest { RequestId = NewRequestId(), ReturnId = created.ReturnId }, other));
        var listed = await Client.Returns.ListReturnsAsync(new ListReturnsRequest(), other);
        var missing = await FailsAsync(Client.Returns.GetReturnAsync(new GetReturnRequest { ReturnId = "rma-0000000000000000" }, merchant));

        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(StatusCode.NotFound, cancel.StatusCode);
        Assert.Empty(listed.Returns);
        Assert.Equal(missing.Status.Detail.Replace("rma-0000000000000000", created.ReturnId), foreign.Status.Detail);
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_creates_nothing()
    {
        var merchant = await MerchantAsync();
        var request = NewReturn("bad-input", lines: Line(quantity: 0));
        request.CustomerAddress.CountryCode = "XX";

        var error = await FailsAsync(Client.Returns.CreateReturnAsync(request, merchant));
        var listed = await Client.Returns.ListReturnsAsync(new ListReturnsRequest { CustomerReference = "bad-input" }, merchant);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("customer_address.country_code", fields);
        Assert.Contains("lines[0].quantity", fields);
        Assert.Empty(listed.Returns);
    }

    [Fact]
    public async Task A_retried_create_returns_the_same_return()
    {
        var merchant = await MerchantAsync();
        var request = NewReturn("retrier");

        var first = await Client.Returns.CreateReturnAsync(request, merchant);
        var retry = await Client.Returns.CreateReturnAsync(request, merchant);
        var listed = await Client.Returns.ListReturnsAsync(new ListReturnsRequest { CustomerReference = "retrier" }, merchant);

        Assert.Equal(first, retry);
        Assert.Single(listed.Returns);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("dGVuYW50LWE=")] // base64 of an id that is not a return id
    public async Task A_foreign_page_token_is_invalid(string token)
    {
        var error = await FailsAsync(Client.Returns.ListReturnsAsync(new ListReturnsRequest { PageToken = token }, await MerchantAsync()));

        Assert.Equal("page_token", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Returns_are_for_merchant_keys()
    {
        var error = await FailsAsync(Client.Returns.ListReturnsAsync(new ListReturnsRequest(), As(SiloFixture.OperatorKey)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
