namespace ReverseLogistics.Domain.Errors;

/// <summary>A rule of the domain was not met. The gRPC layer maps each kind to a status code.</summary>
public abstract class DomainException(string message) : Exception(message);
