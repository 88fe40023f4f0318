using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Returns;

public sealed class ReturnEligibilityTests
{
    private static EligibilityResult Check(ReturnRequest request, CustomerHistory? history = null, ReturnPolicy? policy = null, DateTime? now = null) =>
        ReturnEligibility.Check(policy ?? Policy, request, now ?? Now, history ?? CustomerHistory.None);

    private static IReadOnlyList<IneligibilityCode> ProblemsOf(ReturnLine line) =>
        Check(Request(line)).Lines.Single().Problems.Select(p => p.Code).ToList();

    [Fact]
    public void An_eligible_small_return_is_auto_approved_with_the_rule_that_matched()
    {
        var result = Check(Request(Line(cents: 40_00)));

        Assert.True(Assert.Single(result.Lines).Eligible);
        Assert.Equal(DecisionKind.AutoApprove, result.Decision.Kind);
        var reason = Assert.Single(result.Decision.Reasons);
        Assert.Equal(DecisionReasonCode.AutoApproveRuleMatched, reason.Code);
        Assert.Contains("value at most 10000 USD", reason.Message);
        Assert.Equal(Usd(40_00 - 4_00 - 5_95), result.EstimatedRefund.Total);
    }

    [Theory]
    [InlineData("2026-11-22T23:59:59", true)]  // the last day counts until its end, UTC
    [InlineData("2026-11-23T00:00:00", false)]
    [InlineData("2026-10-24T00:00:00", true)]
    public void The_window_counts_utc_dates_from_delivery_and_includes_the_last_day(string now, bool eligible)
    {
        var line = Line() with { PurchasedAt = Utc("2026-10-01T12:00:00"), DeliveredAt = Utc("2026-10-23T23:30:00") };

        var result = Check(Request(line), now: Utc(now)).Lines.Single();

        Assert.Equal(eligible, result.Eligible);
        Assert.Equal(new DateOnly(2026, 11, 22), result.Deadline);
    }

    [Fact]
    public void The_window_counts_from_purchase_when_delivery_is_unknown_and_names_the_deadline()
    {
        var line = Line() with { PurchasedAt = Utc("2026-10-01T08:00:00"), DeliveredAt = null };

        var problem = Assert.Single(Check(Request(line)).Lines.Single().Problems);

        Assert.Equal(IneligibilityCode.OutsideWindow, problem.Code);
        Assert.Contains("2026-10-31", problem.Message);
    }

    public static TheoryData<IneligibilityCode, ReturnLine> IneligibleLines => new()
    {
        { IneligibilityCode.NonReturnableSku, Line(sku: "SKU-FINAL") },
        { IneligibilityCode.NonReturnableCategory, Line(category: "gift_cards") },
        { IneligibilityCode.ReasonNotAllowed, Line(reason: "too_expensive") },
        { IneligibilityCode.PhotoRequired, Line(reason: "damaged") },
        { IneligibilityCode.PhotoRequired, Line(reason: "damaged.in_transit") },
        { IneligibilityCode.QuantityAbovePurchased, Line(quantity: 3) with { PurchasedQuantity = 2 } },
        { IneligibilityCode.OutsideWindow, Line() with { PurchasedAt = Now.AddDays(-60), DeliveredAt = Now.AddDays(-31) } },
    };

    [Theory]
    [MemberData(nameof(IneligibleLines))]
    public void Says_why_a_line_is_not_eligible(IneligibilityCode expected, ReturnLine line) =>
        Assert.Equal([expected], ProblemsOf(line));

    [Fact]
    public void A_photo_satisfies_a_reason_that_needs_one() =>
        Assert.Empty(ProblemsOf(Line(reason: "damaged.in_transit") with { PhotoUrls = ["https://img.example/1.jpg"] }));

    [Fact]
    public void Every_problem_of_a_line_is_reported()
    {
        var line = Line(sku: "SKU-FINAL", category: "gift_cards", reason: "nope", quantity: 2) with { PurchasedQuantity = 1 };

        Assert.Equal(
            [IneligibilityCode.NonReturnableSku, IneligibilityCode.NonReturnableCategory, IneligibilityCode.ReasonNotAllowed, IneligibilityCode.QuantityAbovePurchased],
            ProblemsOf(line));
    }

    [Fact]
    public void In_a_mixed_return_only_eligible_lines_proceed_and_are_refunded()
    {
        var result = Check(Request(Line(cents: 30_00), Line(category: "gift_cards", cents: 500_00), Line(category: "shoes", cents: 10_00)));

        Assert.Equal([0, 2], result.EligibleLineIndexes);
        Assert.Equal([0, 2], result.EstimatedRefund.Lines.Select(l => l.LineIndex));
        Assert.Equal(Usd(40_00), result.EstimatedRefund.Gross);
        Assert.Equal(DecisionKind.AutoApprove, result.Decision.Kind); // the 500.00 gift card does not count
    }

    [Fact]
    public void A_return_with_no_eligible_line_is_rejected()
    {
        var result = Check(Request(Line(sku: "SKU-FINAL"), Line(category: "gift_cards")));

        Assert.Equal(DecisionKind.Reject, result.Decision.Kind);
        Assert.Equal(DecisionReasonCode.NoEligibleLine, Assert.Single(result.Decision.Reasons).Code);
        Assert.Equal(Usd(0), result.EstimatedRefund.Total);
    }

    [Fact]
    public void A_resolution_the_merchant_does_not_offer_is_rejected()
    {
        var result = Check(Request() with { RequestedResolution = Resolution.Exchange });

        Assert.Equal(DecisionKind.Reject, result.Decision.Kind);
        Assert.Equal(DecisionReasonCode.ResolutionNotAllowed, Assert.Single(result.Decision.Reasons).Code);
    }

    [Theory]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void More_recent_returns_than_the_fraud_threshold_go_to_review(int recentReturns, bool review)
    {
        var result = Check(Request(), new CustomerHistory(recentReturns));

        Assert.Equal(review ? DecisionKind.ManualReview : DecisionKind.AutoApprove, result.Decision.Kind);
        Assert.Equal(review, result.Decision.Reasons.Any(r => r.Code == DecisionReasonCode.FraudThresholdExceeded));
    }

    [Fact]
    public void A_fraud_rule_without_a_look_back_is_off() =>
        Assert.Equal(DecisionKind.AutoApprove, Check(Request(), new CustomerHistory(99), Policy with { Fraud = new() }).Decision.Kind);

    [Theory]
    [InlineData(100_00, DecisionKind.AutoApprove)] // the limit is inclusive
    [InlineData(100_01, DecisionKind.ManualReview)]
    public void Value_above_the_auto_approve_limit_goes_to_review(long cents, DecisionKind expected) =>
        Assert.Equal(expected, Check(Request(Line(cents: cents / 2 + cents % 2), Line(cents: cents / 2))).Decision.Kind);

    [Fact]
    public void Every_unmet_auto_approve_condition_is_a_review_reason()
    {
        var result = Check(Request(Line(cents: 150_00, reason: "changed_mind")), new CustomerHistory(9, Flagged: true));

        Assert.Equal(DecisionKind.ManualReview, result.Decision.Kind);
        Assert.Equal(
            [DecisionReasonCode.FraudThresholdExceeded, DecisionReasonCode.ValueOverLimit, DecisionReasonCode.ReasonNeedsReview, DecisionReasonCode.CustomerFlagged],
            result.Decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_child_of_an_auto_approved_reason_is_auto_approved()
    {
        var line = Line(reason: "damaged.in_transit") with { PhotoUrls = ["https://img.example/1.jpg"] };

        Assert.Equal(DecisionKind.AutoApprove, Check(Request(line)).Decision.Kind);
    }

    [Fact]
    public void A_flagged_customer_is_auto_approved_when_the_rule_does_not_ask() =>
        Assert.Equal(DecisionKind.AutoApprove, Check(Request(), new CustomerHistory(0, Flagged: true),
            Policy with { AutoApprove = Policy.AutoApprove with { RequireCustomerNotFlagged = false } }).Decision.Kind);

    [Fact]
    public void With_auto_approval_off_every_return_is_reviewed()
    {
        var result = Check(Request(), policy: Policy with { AutoApprove = new() });

        Assert.Equal(DecisionKind.ManualReview, result.Decision.Kind);
        Assert.Equal(DecisionReasonCode.AutoApproveDisabled, Assert.Single(result.Decision.Reasons).Code);
    }

    [Fact]
    public void A_request_in_another_currency_than_the_policy_is_invalid()
    {
        var error = Assert.Throws<InvalidInputException>(() => Check(Request(Line() with { UnitPrice = new Money(10_00, "EUR") })));

        Assert.Equal("lines[0].unit_price.currency_code", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void A_malformed_request_is_invalid_before_any_rule_is_applied() =>
        Assert.Throws<InvalidInputException>(() => Check(Request() with { Lines = [] }));

    private static DateTime Utc(string iso) => DateTime.SpecifyKind(DateTime.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
