namespace ReverseLogistics.Domain.Returns;

/// <summary>What happens to a new return, with every reason that led there.</summary>
public sealed record ReturnDecision(DecisionKind Kind, IReadOnlyList<DecisionReason> Reasons);
