namespace ReverseLogistics.Domain.Returns;

/// <summary>Which rule produced a decision: the conditions met for auto-approval, or what sent it elsewhere.</summary>
public enum DecisionReasonCode
{
    AutoApproveRuleMatched = 1,
    AutoApproveDisabled = 2,
    ValueOverLimit = 3,
    ReasonNeedsReview = 4,
    CustomerFlagged = 5,
    FraudThresholdExceeded = 6,
    NoEligibleLine = 7,
    ResolutionNotAllowed = 8,
}
