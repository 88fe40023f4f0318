using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>Net = Gross - GradeDeduction - RestockingFee.</summary>
public sealed record RefundLineBreakdown(int LineIndex, Money Gross, Money GradeDeduction, Money RestockingFee, Money Net);
