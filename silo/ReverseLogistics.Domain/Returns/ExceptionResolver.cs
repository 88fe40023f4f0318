using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pricing;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// Resolves a return in state exception. A refund or store credit pays the return's refund as it stands:
/// the estimate when the parcel was never inspected, the computed one when it was. A refund may instead pay
/// an amount the merchant chose (in the return's currency, at most its gross value); the breakdown then keeps
/// the computed figures and records the difference as the merchant's adjustment. Closing adjusts the total
/// to zero the same way. Every resolution but resume needs a note: money leaves, or the customer gets
/// nothing, and the timeline says why.
/// </summary>
public static class ExceptionResolver
{
    public static ResolvedException Resolve(Rma rma, RefundBreakdown? refund, ExceptionResolution resolution, Money? amount, string note,
        string actor, DateTime at)
    {
        var trigger = resolution switch
        {
            ExceptionResolution.Refund => ReturnTrigger.IssueRefund,
            ExceptionResolution.StoreCredit => ReturnTrigger.IssueStoreCredit,
            ExceptionResolution.Close => ReturnTrigger.Close,
            _ => ReturnTrigger.ResolveException,
        };
        if (rma.Current != ReturnState.Exception) ReturnTransitions.Next(rma.Current, ReturnTrigger.ResolveException); // the state answers before the input
        Validate(refund, resolution, amount, note);

        var paying = resolution is ExceptionResolution.Refund or ExceptionResolution.StoreCredit;
        var paid = resolution switch
        {
            _ when paying => Pay(refund, amount),
            ExceptionResolution.Close when refund is not null => Adjusted(refund, Money.Zero(refund.Total.CurrencyCode)),
            _ => refund,
        };
        if (paying && paid!.Total.MinorUnits == 0)
            throw new PreconditionFailedException("The return's refund is zero: give an amount, or close the return.");

        var what = resolution switch
        {
            ExceptionResolution.Resume => "resumed",
            ExceptionResolution.Refund => $"refund anyway: {Describe(paid!)}",
            ExceptionResolution.StoreCredit => $"store credit anyway: {Describe(paid!)}",
            _ => "closed without refund",
        };
        var details = note.Trim().Length == 0 ? what : $"{what}; {note.Trim()}";
        return new ResolvedException(rma.Apply(trigger, actor, at, details), paid);
    }

    private static void Validate(RefundBreakdown? refund, ExceptionResolution resolution, Money? amount, string note)
    {
        var v = new Validator()
            .Require(Enum.IsDefined(resolution), "resolution", "required: resume, refund, store credit or close")
            .Require(resolution == ExceptionResolution.Resume || note.Trim().Length > 0, "note", "required unless resuming: it goes on the timeline");
        if (amount is { } chosen)
        {
            var currency = refund?.Gross.CurrencyCode;
            v.Require(resolution == ExceptionResolution.Refund, "amount", "only with a refund");
            v.Require(chosen.CurrencyCode == currency, "amount.currency_code", $"must be the return's currency {currency}");
            v.Require(chosen.MinorUnits > 0, "amount.minor_units", "more than zero");
            v.Require(refund is null || chosen.CurrencyCode != currency || chosen.MinorUnits <= refund.Gross.MinorUnits, "amount.minor_units",
                $"at most the return's gross value {refund?.Gross.MinorUnits}");
        }
        v.ThrowIfInvalid();
    }

    private static RefundBreakdown Pay(RefundBreakdown? refund, Money? amount)
    {
        if (refund is null) throw new PreconditionFailedException("The return has no refund to pay: close it instead.");
        return amount is { } chosen ? Adjusted(refund, chosen) : refund;
    }

    private static RefundBreakdown Adjusted(RefundBreakdown refund, Money total) =>
        refund with { Total = total, MerchantAdjustment = total - refund.Total };

    private static string Describe(RefundBreakdown refund) => refund.MerchantAdjustment is { } adjustment
        ? $"total {refund.Total.MinorUnits} {refund.Total.CurrencyCode} set by the merchant (computed {(refund.Total - adjustment).MinorUnits})"
        : $"total {refund.Total.MinorUnits} {refund.Total.CurrencyCode}";
}
