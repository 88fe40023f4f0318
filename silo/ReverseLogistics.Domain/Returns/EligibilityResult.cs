namespace ReverseLogistics.Domain.Returns;

/// <summary>The outcome of checking a return: per line, the decision, and the refund for the eligible lines.</summary>
public sealed record EligibilityResult(IReadOnlyList<LineEligibility> Lines, ReturnDecision Decision, RefundBreakdown EstimatedRefund)
{
    public IEnumerable<int> EligibleLineIndexes => Lines.Where(l => l.Eligible).Select(l => l.LineIndex);
}
