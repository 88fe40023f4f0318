namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// What is known about the customer: their earlier returns within the policy's fraud
/// look-back (not counting this one), and whether the merchant flagged them.
/// </summary>
public sealed record CustomerHistory(int RecentReturns, bool Flagged = false)
{
    public static CustomerHistory None { get; } = new(0);
}
