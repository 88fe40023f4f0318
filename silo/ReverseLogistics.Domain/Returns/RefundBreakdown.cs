using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// What the customer gets and why, all in one currency:
/// Total = Gross - GradeDeductions - RestockingFees - ShippingFee + Bonus, never negative.
/// </summary>
public sealed record RefundBreakdown(
    IReadOnlyList<RefundLineBreakdown> Lines,
    Money Gross,
    Money GradeDeductions,
    Money RestockingFees,
    Money ShippingFee,
    Money Bonus,
    Money Total);
