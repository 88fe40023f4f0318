using Google.Rpc;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Policies;

/// <summary>ReturnPolicyService through the real binding: a merchant reads and replaces its own policy.</summary>
[Collection(SiloCollection.Name)]
public sealed class ReturnPolicyApiTests(SiloFixture silo)
{
    private PlatformClient Client => silo.Client;

    private static ReturnPolicy EuroPolicy() => new()
    {
        CurrencyCode = "EUR",
        WindowDays = 14,
        NonReturnableCategories = { "final_sale" },
        Reasons =
        {
            new ReturnReason { Code = "changed_mind", Label = "Changed my mind" },
            new ReturnReason { Code = "damaged", Label = "Damaged", RequiresPhoto = true, WaivesFees = true },
            new ReturnReason { Code = "damaged.in_transit", ParentCode = "damaged", Label = "Damaged in transit" },
        },
        RestockingFee = new RestockingFee { DefaultPercent = 10, CategoryOverrides = { new CategoryPercent { Category = "electronics", Percent = 15 } } },
        ReturnShipping = new ReturnShipping { FreeCategories = { "apparel" }, Fee = new Money { MinorUnits = 495, CurrencyCode = "EUR" } },
        Resolutions = new Resolutions { Allowed = { Resolution.RefundToOriginalPayment, Resolution.StoreCredit }, StoreCreditBonusPercent = 10 },
        AutoApprove = new AutoApproval { Enabled = true, MaxTotalValue = new Money { MinorUnits = 100_00, CurrencyCode = "EUR" }, ReasonCodes = { "damaged" } },
        Fraud = new FraudCheck { LookbackDays = 30, MaxReturns = 3 },
    };

    [Fact]
    public async Task A_new_merchant_sees_the_platform_default()
    {
        var (_, key) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);

        var policy = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(key));

        Assert.Equal(0, policy.Revision);
        Assert.Null(policy.UpdateTime);
        Assert.Equal(30, policy.WindowDays);
        Assert.Contains(policy.Reasons, r => r.Code == "damaged.in_transit" && r.ParentCode == "damaged");
    }

    [Fact]
    public async Task An_update_replaces_the_policy_for_that_merchant_only()
    {
        var (_, key) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);
        var (_, otherKey) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);

        var updated = await Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = EuroPolicy() }, As(key));
        var read = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(key));
        var other = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(otherKey));

        Assert.Equal(1, updated.Revision);
        Assert.NotNull(updated.UpdateTime);
        Assert.Equal(updated, read);
        var expected = EuroPolicy();
        expected.Revision = 1;
        expected.UpdateTime = read.UpdateTime;
        expected.GradeRefunds = read.GradeRefunds; // unset in the request: the defaults apply
        (expected.LabelValidDays, expected.InspectionSlaHours) = (30, 48); // likewise
        Assert.Equal(expected, read);
        Assert.Equal(50, read.GradeRefunds.CPercent);
        Assert.Equal("USD", other.CurrencyCode);
    }

    [Fact]
    public async Task An_invalid_policy_names_every_bad_field_and_changes_nothing()
    {
        var (_, key) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);
        await Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = EuroPolicy() }, As(key));
        var bad = EuroPolicy();
        bad.WindowDays = -1;
        bad.Reasons.Add(new ReturnReason { Code = "scratched", ParentCode = "no-such-reason" });
        bad.ReturnShipping.Fee.CurrencyCode = "USD";
        bad.RestockingFee.DefaultPercent = double.NaN;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = bad }, As(key)).ResponseAsync);
        var current = await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(key));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("policy.window_days", fields);
        Assert.Contains("policy.reasons[3].parent_code", fields);
        Assert.Contains("policy.return_shipping.fee.currency_code", fields);
        Assert.Contains("policy.restocking_fee.default_percent", fields);
        Assert.Equal(1, current.Revision);
        Assert.Equal(14, current.WindowDays);
    }

    [Fact]
    public async Task A_missing_policy_is_invalid()
    {
        var (_, key) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.Policies.UpdateReturnPolicyAsync(new UpdateReturnPolicyRequest { RequestId = NewRequestId() }, As(key)).ResponseAsync);

        Assert.Equal("policy", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task A_retried_update_returns_the_first_result_and_does_not_bump_the_revision()
    {
        var (_, key) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);
        var request = new UpdateReturnPolicyRequest { RequestId = NewRequestId(), Policy = EuroPolicy() };

        var first = await Client.Policies.UpdateReturnPolicyAsync(request, As(key));
        var retry = await Client.Policies.UpdateReturnPolicyAsync(request, As(key));

        Assert.Equal(first, retry);
        Assert.Equal(1, (await Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(key))).Revision);
    }

    [Fact]
    public async Task Policies_are_for_merchant_keys()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            Client.Policies.GetReturnPolicyAsync(new GetReturnPolicyRequest(), As(SiloFixture.OperatorKey)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
