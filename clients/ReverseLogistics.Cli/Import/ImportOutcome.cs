namespace ReverseLogistics.Cli.Import;

/// <summary>Created by this run, created by an earlier run of the same file, or not created.</summary>
public enum ImportOutcome { Created, AlreadyThere, Failed }
