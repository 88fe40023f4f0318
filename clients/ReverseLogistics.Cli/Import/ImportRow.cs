namespace ReverseLogistics.Cli.Import;

/// <summary>What became of one row of an import: its line in the file, the return, or why it failed (and the exit code that failure means).</summary>
public sealed record ImportRow(int Line, ImportOutcome Outcome, string ReturnId, string Status, string Reason, int ExitCode);
