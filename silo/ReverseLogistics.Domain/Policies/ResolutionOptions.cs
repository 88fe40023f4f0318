namespace ReverseLogistics.Domain.Policies;

/// <summary>The resolutions a merchant offers, and the bonus that makes store credit attractive.</summary>
public sealed record ResolutionOptions
{
    public IReadOnlyList<Resolution> Allowed { get; init; } = [Resolution.RefundToOriginalPayment];
    public decimal StoreCreditBonusPercent { get; init; }
}
