namespace ReverseLogistics.Domain.Errors;

/// <summary>The object does not exist (or belongs to another tenant: the two are indistinguishable).</summary>
public sealed class NotFoundException(string message) : DomainException(message);
