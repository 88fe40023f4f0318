using ReverseLogistics.Domain.Policies;
using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// The refund for a return, line by line. Rules, in order:
/// 1. Gross = unit price x accepted quantity.
/// 2. Grade deduction = gross minus the grade's refund percent of it; none before inspection, and
///    none for a fee-waiving reason (a defective item's low grade is the merchant's problem).
/// 3. Restocking fee = the category's percent of (gross - grade deduction); none for a fee-waiving reason.
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
        var graded = line.Grade is { } grade && !waived ? gross.Percent(policy.GradeRefunds.PercentFor(grade)) : gross;
        var restocking = waived ? Money.Zero(gross.CurrencyCode) : graded.Percent(policy.RestockingFee.PercentFor(line.Category));
        return new RefundLineBreakdown(line.LineIndex, gross, gross - graded, restocking, graded - restocking);
    }
}
