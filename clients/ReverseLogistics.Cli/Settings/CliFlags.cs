namespace ReverseLogistics.Cli.Settings;

/// <summary>The settings given as flags on this command line; null where a flag was not given.</summary>
public sealed record CliFlags(string? Address = null, string? Key = null, string? Output = null, string? Profile = null);
