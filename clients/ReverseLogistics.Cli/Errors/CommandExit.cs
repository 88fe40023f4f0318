namespace ReverseLogistics.Cli.Errors;

/// <summary>A command that printed its whole result and still fails (e.g. an import with bad rows): exit with this code.</summary>
public sealed class CommandExit(int exitCode) : Exception($"exit {exitCode}")
{
    public int ExitCode { get; } = exitCode;
}
