using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// What the customer gets and why, all in one currency:
/// Total = Gross - GradeDeductions - RestockingFees - ShippingFee + Bonus (+ MerchantAdjustment), never negative.
/// </summary>
public sealed record RefundBreakdown(
    IReadOnlyList<RefundLineBreakdown> Lines,
    Money Gross,
    Money GradeDeductions,
    Money RestockingFees,
    Money ShippingFee,
    Money Bonus,
    Money Total)
{
    /// <summary>Set only when a merchant chose the amount resolving an exception: the chosen total less the computed one.</summary>
    public Money? MerchantAdjustment { get; init; }
}
