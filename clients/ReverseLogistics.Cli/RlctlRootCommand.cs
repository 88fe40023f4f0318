using System.CommandLine;
using ReverseLogistics.Cli.Settings;

namespace ReverseLogistics.Cli;

/// <summary>rlctl's root command, carrying the environment its commands read (the process's, or a test's).</summary>
public sealed class RlctlRootCommand(CliEnvironment environment, string description) : RootCommand(description)
{
    public CliEnvironment Environment { get; } = environment;
}
