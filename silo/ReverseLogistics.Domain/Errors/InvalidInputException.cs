namespace ReverseLogistics.Domain.Errors;

/// <summary>The request breaks one or more field rules; each violation names its field.</summary>
public sealed class InvalidInputException(IReadOnlyList<FieldViolation> violations) : DomainException(Describe(violations))
{
    /// <summary>How many violations the message spells out; the rest are counted.</summary>
    public const int ViolationsInMessage = 10;

    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    private static string Describe(IReadOnlyList<FieldViolation> violations)
    {
        var listed = string.Join("; ", violations.Take(ViolationsInMessage).Select(v => $"{v.Field}: {v.Description}"));
        return violations.Count <= ViolationsInMessage ? listed : $"{listed}; and {violations.Count - ViolationsInMessage} more";
    }
}
