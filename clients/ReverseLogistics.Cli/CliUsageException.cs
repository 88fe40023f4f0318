namespace ReverseLogistics.Cli;

/// <summary>A mistake in how rlctl was called or configured, found by rlctl itself: exit code 2, the message on stderr.</summary>
public sealed class CliUsageException(string message) : Exception(message);
