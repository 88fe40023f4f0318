namespace ReverseLogistics.Domain.Returns;

public enum DecisionKind
{
    AutoApprove = 1,
    ManualReview = 2,
    Reject = 3,
}
