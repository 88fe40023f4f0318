namespace ReverseLogistics.Cli.Settings;

/// <summary>
/// What rlctl reads from outside its arguments: environment variables, the working directory (for
/// data/operator.key) and the home directory. Tests pass their own, so they never touch the real ones.
/// </summary>
public sealed record CliEnvironment(Func<string, string?> Variable, string WorkingDirectory, string HomeDirectory)
{
    public static CliEnvironment Process { get; } = new(
        Environment.GetEnvironmentVariable,
        Environment.CurrentDirectory,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The variable's value, or null when it is unset or empty.</summary>
    public string? Get(string name) => Variable(name) is { Length: > 0 } value ? value : null;

    /// <summary>An environment of these variables only, rooted at <paramref name="directory"/> (for tests).</summary>
    public static CliEnvironment Of(IReadOnlyDictionary<string, string> variables, string directory) =>
        new(name => variables.GetValueOrDefault(name), directory, directory);
}
