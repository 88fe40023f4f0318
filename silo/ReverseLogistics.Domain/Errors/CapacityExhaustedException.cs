namespace ReverseLogistics.Domain.Errors;

/// <summary>The request is valid but nothing has room for it now (every matching pickup window is full).</summary>
public sealed class CapacityExhaustedException(string message) : DomainException(message);
