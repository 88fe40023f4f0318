using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// The refund for a return, line by line. Rules, in order:
/// 1. Gross = unit price x accepted quantity.
/// 2. Grade deduction = gross minus the grade's refund percent of it; none before inspection, and
///    none for a fee-waiving reason (a defective item's low grade is the merchant's problem).
///    Inspection mismatches override both: a wrong item refunds nothing (what came back is not what
///    was sold), and missing parts refund at most grade C's percent (incomplete), whatever the reason.
/// 3. Restocking fee = the category's percent of (gross - grade deduction); none for a fee-waiving
///    reason, and none on a wrong item (nothing is left to charge it on).
/// 4. The return shipping fee is charged once per return, and only if at least one line with
///    accepted units is neither in a free-shipping category nor returned for a fee-waiving reason.
///    It is deducted from the sum of line nets, capped so the refund never goes below zero.
/// 5. Store credit adds the bonus percent of what remains.
/// Every percentage rounds half away from zero to the minor unit (see <see cref="Money.Percent"/>).
/// </summary>
public static class RefundCalculator
{
    public static RefundBreakdown Compute(ReturnPolicy policy, Resolution resolution, IReadOnlyList<RefundLine> lines)
    {
        if (lines.Any(l => l.Quantity < 0)) throw new ArgumentException("Accepted quantities cannot be negative.", nameof(lines));
        var currency = policy.CurrencyCode;
        var breakdowns = lines.Select(line => ComputeLine(policy, line)).ToList();
        var net = Money.Sum(breakdowns.Select(b => b.Net), currency);

        var chargesShipping = lines.Any(l => l.Quantity > 0 && !policy.IsFreeShippingCategory(l.Category) && !policy.WaivesFees(l.ReasonCode));
        var shipping = chargesShipping ? Money.Min(policy.ReturnShipping.Fee, net) : Money.Zero(currency);
        var afterShipping = net - shipping;
        var bonus = resolution == Resolution.StoreCredit
            ? afterShipping.Percent(policy.Resolutions.StoreCreditBonusPercent)
            : Money.Zero(currency);

        return new RefundBreakdown(
            breakdowns,
            Money.Sum(breakdowns.Select(b => b.Gross), currency),
            Money.Sum(breakdowns.Select(b => b.GradeDeduction), currency),
            Money.Sum(breakdowns.Select(b => b.RestockingFee), currency),
            shipping,
            bonus,
            afterShipping + bonus);
    }

    private static RefundLineBreakdown ComputeLine(ReturnPolicy policy, RefundLine line)
    {
        var gross = line.UnitPrice.Times(line.Quantity);
        var waived = policy.WaivesFees(line.ReasonCode);
        var percent = line.Grade is { } grade && !waived ? policy.GradeRefunds.PercentFor(grade) : 100m;
        if (line.Has(MismatchFlag.MissingParts)) percent = Math.Min(percent, policy.GradeRefunds.PercentFor(InspectionGrade.C));
        if (line.Has(MismatchFlag.WrongItem)) percent = 0;
        var graded = percent == 100m ? gross : gross.Percent(percent);
        var restocking = waived || line.Has(MismatchFlag.WrongItem)
            ? Money.Zero(gross.CurrencyCode)
            : graded.Percent(policy.RestockingFee.PercentFor(line.Category));
        return new RefundLineBreakdown(line.LineIndex, gross, gross - graded, restocking, graded - restocking);
    }
}
