using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Testing;

namespace ReverseLogistics.UnitTests.Policies;

public sealed class PolicyValidatorTests
{
    // Without auto-approve reason codes, so that changing the reasons breaks only the reasons.
    private static readonly ReturnPolicy Good = Samples.Policy with { AutoApprove = Samples.Policy.AutoApprove with { ReasonCodes = [] } };

    private static IReadOnlyList<string> FieldsOf(ReturnPolicy policy) =>
        Assert.Throws<InvalidInputException>(() => PolicyValidator.Validate(policy)).Violations.Select(v => v.Field).ToList();

    [Fact]
    public void The_default_policy_is_valid() => PolicyValidator.Validate(ReturnPolicy.Default);

    [Fact]
    public void The_sample_policy_is_valid() => PolicyValidator.Validate(Samples.Policy);

    [Fact]
    public void Auto_approve_reasons_must_name_defined_reasons() =>
        Assert.Equal(["policy.auto_approve.reason_codes[0]", "policy.auto_approve.reason_codes[1]"],
            FieldsOf(Samples.Policy with { Reasons = [new() { Code = "other" }] }));

    public static TheoryData<string, ReturnPolicy> BadPolicies => new()
    {
        { "policy.currency_code", Good with { CurrencyCode = "usd" } },
        { "policy.window_days", Good with { WindowDays = -1 } },
        { "policy.window_days", Good with { WindowDays = PolicyValidator.MaxWindowDays + 1 } },
        { "policy.non_returnable_skus[1]", Good with { NonReturnableSkus = ["A", "A"] } },
        { "policy.non_returnable_categories[0]", Good with { NonReturnableCategories = [" "] } },
        { "policy.reasons", Good with { Reasons = [] } },
        { "policy.reasons[1].code", Good with { Reasons = [new() { Code = "x" }, new() { Code = "x" }] } },
        { "policy.reasons[0].code", Good with { Reasons = [new() { Code = "" }] } },
        { "policy.reasons[0].parent_code", Good with { Reasons = [new() { Code = "a", ParentCode = "nope" }] } },
        { "policy.restocking_fee.default_percent", Good with { RestockingFee = new() { DefaultPercent = 100.01m } } },
        { "policy.restocking_fee.category_overrides[0].percent", Good with { RestockingFee = new() { CategoryOverrides = [new("tv", -1)] } } },
        { "policy.restocking_fee.category_overrides[1].category", Good with { RestockingFee = new() { CategoryOverrides = [new("tv", 1), new("tv", 2)] } } },
        { "policy.return_shipping.fee.currency_code", Good with { ReturnShipping = new() { Fee = new Money(5_00, "EUR") } } },
        { "policy.return_shipping.fee.minor_units", Good with { ReturnShipping = new() { Fee = Samples.Usd(-1) } } },
        { "policy.return_shipping.free_categories[1]", Good with { ReturnShipping = Good.ReturnShipping with { FreeCategories = ["shoes", "shoes"] } } },
        { "policy.resolutions.allowed", Good with { Resolutions = new() { Allowed = [] } } },
        { "policy.resolutions.allowed", Good with { Resolutions = new() { Allowed = [Resolution.Exchange, Resolution.Exchange] } } },
        { "policy.resolutions.allowed", Good with { Resolutions = new() { Allowed = [(Resolution)42] } } },
        { "policy.resolutions.store_credit_bonus_percent", Good with { Resolutions = new() { StoreCreditBonusPercent = 101 } } },
        { "policy.auto_approve.max_total_value.currency_code", Good with { AutoApprove = Good.AutoApprove with { MaxTotalValue = new Money(1, "GBP") } } },
        { "policy.auto_approve.reason_codes[1]", Good with { AutoApprove = Good.AutoApprove with { ReasonCodes = ["wrong_size", "typo"] } } },
        { "policy.fraud.lookback_days", Good with { Fraud = new() { LookbackDays = -5 } } },
        { "policy.fraud.max_returns", Good with { Fraud = new() { MaxReturns = -1 } } },
        { "policy.grade_refunds.c_percent", Good with { GradeRefunds = new() { CPercent = 150 } } },
        { "policy.grade_refunds.scrap_percent", Good with { GradeRefunds = new() { ScrapPercent = -1 } } },
    };

    [Theory]
    [MemberData(nameof(BadPolicies))]
    public void Names_the_bad_field(string field, ReturnPolicy policy) => Assert.Equal([field], FieldsOf(policy).Distinct());

    [Fact]
    public void Reports_every_bad_field_at_once()
    {
        var fields = FieldsOf(Good with
        {
            WindowDays = -1,
            RestockingFee = new() { DefaultPercent = 120 },
            ReturnShipping = new() { Fee = new Money(1, "EUR") },
        });

        Assert.Equal(["policy.window_days", "policy.restocking_fee.default_percent", "policy.return_shipping.fee.currency_code"], fields);
    }

    [Fact]
    public void A_reason_cannot_be_its_own_ancestor()
    {
        var fields = FieldsOf(Good with
        {
            Reasons = [new() { Code = "a", ParentCode = "b" }, new() { Code = "b", ParentCode = "a" }, new() { Code = "c", ParentCode = "c" }],
        });

        Assert.Equal(["policy.reasons[0].parent_code", "policy.reasons[1].parent_code", "policy.reasons[2].parent_code"], fields);
    }

    [Fact]
    public void The_prefix_follows_the_request_field()
    {
        var error = Assert.Throws<InvalidInputException>(() => PolicyValidator.Validate(Good with { WindowDays = -1 }, "return_policy"));

        Assert.Equal("return_policy.window_days", Assert.Single(error.Violations).Field);
    }
}
