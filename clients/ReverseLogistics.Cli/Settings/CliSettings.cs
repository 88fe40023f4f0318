namespace ReverseLogistics.Cli.Settings;

/// <summary>
/// The settings a command runs with. Each comes from the first that has it: a flag, an environment
/// variable, the selected profile of the profile file, the default.
/// </summary>
public sealed record CliSettings(string ProfileName, string ProfilePath, Setting Address, Setting Key, OutputFormat Output)
{
    /// <summary>The handheld's device name for handheld commands (their --device flag comes first).</summary>
    public Setting Device { get; init; } = new(null, "none");

    public const string DefaultAddress = "127.0.0.1:7070";

    /// <summary>The names a setting has in each place: flag, environment variable, profile file (and `rlctl config`).</summary>
    public static readonly IReadOnlyList<(string Name, string Flag, string Variable)> Names =
    [
        ("address", "--address", "RL_ADDRESS"),
        ("key", "--key", "RL_KEY"),
        ("output", "--output", "RL_OUTPUT"),
        ("device", "--device", "RL_DEVICE"),
    ];

    public static CliSettings Resolve(CliFlags flags, CliEnvironment environment)
    {
        var path = ProfileFile.PathFor(environment);
        return Resolve(flags, environment, ProfileFile.Load(path), path);
    }

    public static CliSettings Resolve(CliFlags flags, CliEnvironment environment, ProfileFile file, string path)
    {
        var (name, nameSource) = SelectProfile(flags, environment, file, path);
        if (!file.Profiles.TryGetValue(name, out var profile))
        {
            if (nameSource != "default")
                throw new CliUsageException($"There is no profile '{name}' in {path} (selected by {nameSource}); " +
                    $"create it with `rlctl config set address HOST:PORT --profile {name}`, or list them with `rlctl config list`.");
            profile = new Profile();
        }
        var fromProfile = $"profile '{name}' in {path}";

        var address = First(new(flags.Address, "--address"), new(environment.Get("RL_ADDRESS"), "RL_ADDRESS"), new(profile.Address, fromProfile))
            ?? new Setting(DefaultAddress, "default");
        var key = First(new(flags.Key, "--key"), new(environment.Get("RL_KEY"), "RL_KEY"), new(profile.Key, fromProfile))
            ?? OperatorKeyFile(environment) ?? new Setting(null, "none");
        var output = First(new(flags.Output, "--output"), new(environment.Get("RL_OUTPUT"), "RL_OUTPUT"), new(profile.Output, fromProfile));
        var device = First(new(environment.Get("RL_DEVICE"), "RL_DEVICE"), new(profile.Device, fromProfile)) ?? new Setting(null, "none");
        return new CliSettings(name, path, address, key, output is null ? OutputFormat.Table : ParseOutput(output)) { Device = device };
    }

    /// <summary>The profile in use: --profile, else $RL_PROFILE, else the file's current profile, else "default".</summary>
    public static (string Name, string Source) SelectProfile(CliFlags flags, CliEnvironment environment, ProfileFile file, string path) =>
        flags.Profile is { Length: > 0 } flag ? (flag, "--profile")
        : environment.Get("RL_PROFILE") is { } variable ? (variable, "RL_PROFILE")
        : file.CurrentProfile is { Length: > 0 } current ? (current, $"`rlctl config use` in {path}")
        : (ProfileFile.DefaultProfile, "default");

    public static OutputFormat ParseOutput(Setting output) => output.Value?.ToLowerInvariant() switch
    {
        "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        _ => throw new CliUsageException($"The output format '{output.Value}' (from {output.Source}) is neither table nor json."),
    };

    private static Setting? First(params Setting[] candidates) => candidates.FirstOrDefault(c => c.Value is { Length: > 0 });

    /// <summary>Run from a silo's directory, rlctl finds the operator key the silo wrote on its first start.</summary>
    private static Setting? OperatorKeyFile(CliEnvironment environment)
    {
        var path = Path.Combine(environment.WorkingDirectory, "data", "operator.key");
        return File.Exists(path) ? new Setting(File.ReadAllText(path).Trim(), "data/operator.key") : null;
    }
}
