namespace ReverseLogistics.Domain.Errors;

/// <summary>The request breaks one or more field rules; each violation names its field.</summary>
public sealed class InvalidInputException(IReadOnlyList<FieldViolation> violations)
    : DomainException(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}
