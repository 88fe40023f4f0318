using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// One line as the refund sees it: the units accepted so far (requested ones for an estimate)
/// and, once inspected, their grade and what inspection found wrong with them. No grade means
/// "not inspected yet", refunded in full.
/// </summary>
public sealed record RefundLine(int LineIndex, string Category, Money UnitPrice, int Quantity, string ReasonCode, InspectionGrade? Grade = null,
    IReadOnlyCollection<MismatchFlag>? Mismatches = null)
{
    public bool Has(MismatchFlag flag) => Mismatches?.Contains(flag) == true;
}
