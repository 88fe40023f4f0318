namespace ReverseLogistics.Domain.Errors;

/// <summary>One invalid field, named as in the request (e.g. "lines[2].quantity").</summary>
public sealed record FieldViolation(string Field, string Description);
