using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Pricing;
using ReverseLogistics.Domain.Returns;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Returns;

public sealed class ExceptionResolverTests
{
    private const string Merchant = "key:k123";

    /// <summary>Gross 100.00, restocking 10.00, shipping 5.00: 85.00 to refund.</summary>
    private static readonly RefundBreakdown Estimate = new([new RefundLineBreakdown(0, Usd(100_00), Usd(0), Usd(10_00), Usd(90_00))],
        Usd(100_00), Usd(0), Usd(10_00), Usd(5_00), Usd(0), Usd(85_00));

    private static Rma InException()
    {
        var rma = Rma.Open([1]);
        rma.Apply(ReturnTrigger.Approve, "system:auto-approve", Now);
        rma.Apply(ReturnTrigger.IssueLabel, "system:labels", Now);
        rma.Apply(ReturnTrigger.MarkInTransit, "system:carrier", Now);
        rma.RaiseException(ExceptionKind.LostInTransit, "system:carrier", Now);
        return rma;
    }

    private static ResolvedException Resolve(Rma rma, ExceptionResolution resolution, Money? amount = null, string note = "agreed with customer") =>
        ExceptionResolver.Resolve(rma, Estimate, resolution, amount, note, Merchant, Now);

    [Fact]
    public void Resume_returns_to_the_state_before_the_exception_and_keeps_the_refund()
    {
        var rma = InException();

        var resolved = Resolve(rma, ExceptionResolution.Resume, note: "");

        Assert.Equal(ReturnState.InTransit, rma.Current);
        Assert.Null(rma.State.StateBeforeException);
        Assert.Same(Estimate, resolved.Refund);
        Assert.Equal((ReturnTrigger.ResolveException, Merchant, "resumed"), (resolved.Entry.Trigger, resolved.Entry.Actor, resolved.Entry.Details));
    }

    [Fact]
    public void Refund_pays_the_return_s_refund_as_it_stands()
    {
        var rma = InException();

        var resolved = Resolve(rma, ExceptionResolution.Refund);

        Assert.Equal(ReturnState.RefundPending, rma.Current);
        Assert.Same(Estimate, resolved.Refund);
        Assert.Equal("refund anyway: total 8500 USD; agreed with customer", resolved.Entry.Details);
    }

    [Fact]
    public void A_chosen_amount_replaces_the_total_and_the_difference_is_the_merchant_s_adjustment()
    {
        var resolved = Resolve(InException(), ExceptionResolution.Refund, Usd(100_00));

        Assert.Equal((Usd(100_00), Usd(15_00)), (resolved.Refund!.Total, resolved.Refund.MerchantAdjustment));
        Assert.Equal(Estimate.Gross, resolved.Refund.Gross);
        Assert.Contains("total 10000 USD set by the merchant (computed 8500)", resolved.Entry.Details);
    }

    [Fact]
    public void Store_credit_and_close_settle_the_return()
    {
        var credited = InException();
        var closed = InException();

        var credit = Resolve(credited, ExceptionResolution.StoreCredit);
        var close = Resolve(closed, ExceptionResolution.Close, note: "customer kept the item");

        Assert.Equal((ReturnState.StoreCreditIssued, ReturnState.Closed), (credited.Current, closed.Current));
        Assert.Equal(Usd(85_00), credit.Refund!.Total);
        Assert.Equal((Usd(0), Usd(-85_00)), (close.Refund!.Total, close.Refund.MerchantAdjustment));
        Assert.Equal("closed without refund; customer kept the item", close.Entry.Details);
    }

    [Fact]
    public void Bad_input_names_every_field_and_changes_nothing()
    {
        var rma = InException();

        var noNote = Assert.Throws<InvalidInputException>(() => Resolve(rma, ExceptionResolution.Close, note: " "));
        var badAmount = Assert.Throws<InvalidInputException>(() => Resolve(rma, ExceptionResolution.Refund, new Money(100_01, "EUR")));
        var tooMuch = Assert.Throws<InvalidInputException>(() => Resolve(rma, ExceptionResolution.Refund, Usd(100_01)));
        var amountWithCredit = Assert.Throws<InvalidInputException>(() => Resolve(rma, ExceptionResolution.StoreCredit, Usd(0)));
        var noResolution = Assert.Throws<InvalidInputException>(() => Resolve(rma, 0));

        Assert.Equal(["note"], noNote.Violations.Select(v => v.Field));
        Assert.Equal(["amount.currency_code"], badAmount.Violations.Select(v => v.Field));
        Assert.Equal(["amount.minor_units"], tooMuch.Violations.Select(v => v.Field));
        Assert.Equal(["amount", "amount.minor_units"], amountWithCredit.Violations.Select(v => v.Field));
        Assert.Equal(["resolution"], noResolution.Violations.Select(v => v.Field));
        Assert.Equal(ReturnState.Exception, rma.Current);
    }

    [Fact]
    public void A_return_not_in_exception_is_refused_naming_its_state_before_its_input_is_checked()
    {
        var rma = Rma.Open([1]);
        rma.Apply(ReturnTrigger.Approve, "system:auto-approve", Now);

        var error = Assert.Throws<PreconditionFailedException>(() => Resolve(rma, 0));

        Assert.Contains("approved", error.Message);
        Assert.Equal(ReturnState.Approved, rma.Current);
    }

    [Fact]
    public void A_zero_refund_cannot_be_paid_without_an_amount()
    {
        var nothing = Estimate with { Total = Usd(0) };

        var error = Assert.Throws<PreconditionFailedException>(() =>
            ExceptionResolver.Resolve(InException(), nothing, ExceptionResolution.Refund, null, "lost", Merchant, Now));
        var chosen = ExceptionResolver.Resolve(InException(), nothing, ExceptionResolution.Refund, Usd(20_00), "lost", Merchant, Now);

        Assert.Contains("zero", error.Message);
        Assert.Equal(Usd(20_00), chosen.Refund!.Total);
    }
}
