using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Returns;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Returns;

public sealed class RefundCalculatorTests
{
    private static RefundBreakdown Refund(params RefundLine[] lines) => Refund(Resolution.RefundToOriginalPayment, lines);

    private static RefundBreakdown Refund(Resolution resolution, params RefundLine[] lines) =>
        RefundCalculator.Compute(Policy, resolution, lines);

    private static RefundLine L(int index, string category, long cents, int quantity, string reason = "wrong_size", InspectionGrade? grade = null,
        params MismatchFlag[] mismatches) =>
        new(index, category, Usd(cents), quantity, reason, grade, mismatches);

    [Fact]
    public void Restocking_fee_by_category_and_one_shipping_fee_per_return()
    {
        var refund = Refund(L(0, "apparel", 25_00, 2), L(1, "electronics", 99_99, 1));

        Assert.Equal(new RefundLineBreakdown(0, Usd(50_00), Usd(0), Usd(5_00), Usd(45_00)), refund.Lines[0]);
        Assert.Equal(new RefundLineBreakdown(1, Usd(99_99), Usd(0), Usd(15_00), Usd(84_99)), refund.Lines[1]); // 14.9985 rounds to 15.00
        Assert.Equal(Usd(149_99), refund.Gross);
        Assert.Equal(Usd(20_00), refund.RestockingFees);
        Assert.Equal(Usd(5_95), refund.ShippingFee);
        Assert.Equal(Usd(0), refund.Bonus);
        Assert.Equal(Usd(149_99 - 20_00 - 5_95), refund.Total);
    }

    [Fact]
    public void A_fee_waiving_reason_drops_the_restocking_fee_of_its_line()
    {
        var refund = Refund(L(0, "electronics", 80_00, 1, "defective"), L(1, "electronics", 80_00, 1));

        Assert.Equal(Usd(0), refund.Lines[0].RestockingFee);
        Assert.Equal(Usd(12_00), refund.Lines[1].RestockingFee);
        Assert.Equal(Usd(5_95), refund.ShippingFee); // line 1 is a discretionary return in a paid category
    }

    [Theory]
    [InlineData("shoes", "wrong_size", 0)]
    [InlineData("apparel", "defective", 0)]
    [InlineData("apparel", "damaged.in_transit", 0)] // inherited from "damaged"
    [InlineData("apparel", "wrong_size", 5_95)]
    public void Shipping_is_free_when_every_line_is_in_a_free_category_or_waives_fees(string category, string reason, long expectedFee)
    {
        var refund = Refund(L(0, "shoes", 60_00, 1), L(1, category, 60_00, 1, reason));

        Assert.Equal(Usd(expectedFee), refund.ShippingFee);
    }

    [Fact]
    public void The_shipping_fee_never_makes_the_refund_negative()
    {
        var refund = Refund(L(0, "apparel", 3_00, 1));

        Assert.Equal(Usd(2_70), refund.ShippingFee);
        Assert.Equal(Usd(0), refund.Total);
    }

    [Fact]
    public void Store_credit_adds_the_bonus_on_what_remains_after_fees()
    {
        var refund = Refund(Resolution.StoreCredit, L(0, "apparel", 100_00, 1));

        Assert.Equal(Usd(8_41), refund.Bonus); // 10 % of 84.05, rounded half away from zero
        Assert.Equal(Usd(100_00 - 10_00 - 5_95 + 8_41), refund.Total);
    }

    [Fact]
    public void No_bonus_for_an_exchange() => Assert.Equal(Usd(0), Refund(Resolution.Exchange, L(0, "apparel", 100_00, 1)).Bonus);

    [Theory]
    [InlineData(InspectionGrade.A, 0, 8_00, 72_00)]
    [InlineData(InspectionGrade.B, 0, 8_00, 72_00)]
    [InlineData(InspectionGrade.C, 40_00, 4_00, 36_00)]
    [InlineData(InspectionGrade.D, 80_00, 0, 0)]
    [InlineData(InspectionGrade.Scrap, 80_00, 0, 0)]
    public void Inspection_grades_reduce_the_refund_before_the_restocking_fee(InspectionGrade grade, long deduction, long restocking, long net)
    {
        var line = Refund(L(0, "apparel", 40_00, 2, grade: grade)).Lines.Single();

        Assert.Equal(new RefundLineBreakdown(0, Usd(80_00), Usd(deduction), Usd(restocking), Usd(net)), line);
    }

    [Fact]
    public void A_defective_item_is_not_marked_down_for_its_grade()
    {
        var line = Refund(L(0, "apparel", 40_00, 1, "defective", InspectionGrade.D)).Lines.Single();

        Assert.Equal(Usd(40_00), line.Net);
    }

    [Theory]
    [InlineData("wrong_size")]
    [InlineData("defective")]
    public void A_wrong_item_refunds_nothing_and_charges_no_restocking_fee_whatever_the_reason(string reason)
    {
        var line = Refund(L(0, "apparel", 40_00, 2, reason, InspectionGrade.A, MismatchFlag.WrongItem)).Lines.Single();

        Assert.Equal(new RefundLineBreakdown(0, Usd(80_00), Usd(80_00), Usd(0), Usd(0)), line);
    }

    [Theory]
    [InlineData(InspectionGrade.A, "wrong_size", 40_00, 4_00, 36_00)] // capped at grade C's 50 %, then 10 % restocking
    [InlineData(InspectionGrade.C, "wrong_size", 40_00, 4_00, 36_00)]
    [InlineData(InspectionGrade.D, "wrong_size", 80_00, 0, 0)] // a lower grade's percent still applies
    [InlineData(InspectionGrade.A, "defective", 40_00, 0, 40_00)] // the reason waives the fee, not the missing parts
    public void Missing_parts_refund_at_most_grade_c(InspectionGrade grade, string reason, long deduction, long restocking, long net)
    {
        var line = Refund(L(0, "apparel", 40_00, 2, reason, grade, MismatchFlag.MissingParts)).Lines.Single();

        Assert.Equal(new RefundLineBreakdown(0, Usd(80_00), Usd(deduction), Usd(restocking), Usd(net)), line);
    }

    [Fact]
    public void Partial_acceptance_refunds_only_the_accepted_units()
    {
        var refund = Refund(L(0, "shoes", 30_00, 1), L(1, "shoes", 20_00, 0));

        Assert.Equal(Usd(30_00 - 3_00), refund.Total);
        Assert.Equal(Usd(0), refund.Lines[1].Net);
    }

    [Fact]
    public void A_line_with_nothing_accepted_does_not_trigger_the_shipping_fee() =>
        Assert.Equal(Usd(0), Refund(L(0, "shoes", 30_00, 1), L(1, "apparel", 20_00, 0)).ShippingFee);

    [Fact]
    public void A_configurable_grade_percent_is_used()
    {
        var policy = Policy with { GradeRefunds = new() { CPercent = 25 }, RestockingFee = new() };

        var refund = RefundCalculator.Compute(policy, Resolution.RefundToOriginalPayment, [L(0, "shoes", 10_00, 1, grade: InspectionGrade.C)]);

        Assert.Equal(Usd(2_50), refund.Total);
    }

    [Fact]
    public void A_negative_accepted_quantity_is_refused() =>
        Assert.Throws<ArgumentException>(() => Refund(L(0, "shoes", 10_00, -1)));

    [Fact]
    public void Nothing_to_refund_is_zero_in_the_policy_currency()
    {
        var refund = Refund();

        Assert.Equal(Usd(0), refund.Total);
        Assert.Empty(refund.Lines);
    }
}
