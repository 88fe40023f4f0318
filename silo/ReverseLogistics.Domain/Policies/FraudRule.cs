namespace ReverseLogistics.Domain.Policies;

/// <summary>
/// A customer with more than <see cref="MaxReturns"/> earlier returns in the last
/// <see cref="LookbackDays"/> days goes to manual review. Disabled when LookbackDays is 0.
/// </summary>
public sealed record FraudRule
{
    public int LookbackDays { get; init; }
    public int MaxReturns { get; init; }
}
