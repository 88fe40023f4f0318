namespace ReverseLogistics.Cli.Settings;

/// <summary>A setting's value and where it came from ("--address", "RL_ADDRESS", "profile 'prod'", "default"), for messages.</summary>
public sealed record Setting(string? Value, string Source);
