namespace ReverseLogistics.Domain.Returns;

public sealed record Ineligibility(IneligibilityCode Code, string Message);
