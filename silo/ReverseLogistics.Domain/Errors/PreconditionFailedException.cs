namespace ReverseLogistics.Domain.Errors;

/// <summary>The request is valid but the object's current state does not allow it.</summary>
public sealed class PreconditionFailedException(string message) : DomainException(message);
