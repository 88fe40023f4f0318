namespace ReverseLogistics.Silo.Hosting;

/// <summary>A reason the node cannot start, worded for the operator: printed as one line, then the process exits.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
