namespace ReverseLogistics.Domain.Errors;

public sealed class AlreadyExistsException(string message) : DomainException(message);
