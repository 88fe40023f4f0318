namespace ReverseLogistics.Domain.Errors;

/// <summary>Collects every violation of a request, so the caller learns of all of them at once.</summary>
public sealed class Validator
{
    private readonly List<FieldViolation> _violations = [];

    public Validator Require(bool condition, string field, string description)
    {
        if (!condition) _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0) throw new InvalidInputException(_violations);
    }
}
