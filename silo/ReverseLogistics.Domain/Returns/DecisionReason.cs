namespace ReverseLogistics.Domain.Returns;

public sealed record DecisionReason(DecisionReasonCode Code, string Message);
