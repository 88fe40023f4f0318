using Orleans.Concurrency;
using ReverseLogistics.Domain.Returns;
using ReverseLogistics.Testing;

namespace ReverseLogistics.Grains.Tests.Returns;

/// <summary>New returns as the returns service hands them to a return grain: the sample request, and the sample policy's verdict on it.</summary>
public static class ReturnDrafts
{
    /// <summary>One line of 20.00 USD, wrong size, delivered ten days before <paramref name="now"/>: the sample policy approves it on its own.</summary>
    public static Immutable<ReturnDraft> AutoApproved(DateTime now)
    {
        var line = Samples.Line() with { PurchasedAt = now.AddDays(-12), DeliveredAt = now.AddDays(-10) };
        var request = Samples.Request(line);
        var eligibility = ReturnEligibility.Check(Samples.Policy, request, now, CustomerHistory.None);
        return new ReturnDraft(request, "Jane Doe", CustomerFlagged: false, Samples.Policy, eligibility, "Acme Outdoor").AsImmutable();
    }

    public static string NewReturnId() => "r-" + Guid.NewGuid().ToString("N")[..16];
}
