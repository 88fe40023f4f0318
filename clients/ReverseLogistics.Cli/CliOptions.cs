using System.CommandLine;
using ReverseLogistics.Cli.Settings;

namespace ReverseLogistics.Cli;

/// <summary>The options every command takes, and the settings and output they make with the environment and profile file.</summary>
public static class CliOptions
{
    public static readonly Option<string?> Address = new("--address")
    {
        Description = $"The silo, host:port or URL ($RL_ADDRESS; the profile's; else {CliSettings.DefaultAddress})",
        Recursive = true,
    };

    public static readonly Option<string?> Key = new("--key")
    {
        Description = "API key ($RL_KEY; the profile's; else data/operator.key when it exists)",
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json") { Description = "Print the result as one JSON document (same as --output json)", Recursive = true };

    public static readonly Option<string?> Output = new("--output")
    {
        Description = "table or json ($RL_OUTPUT; the profile's; else table)",
        Recursive = true,
    };

    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = "The profile of the profile file to use ($RL_PROFILE; else the one `rlctl config use` chose; else default)",
        Recursive = true,
    };

    static CliOptions() => Output.AcceptOnlyFromAmong("table", "json");

    public static IEnumerable<Option> All => [Address, Key, Json, Output, Profile];

    public static CliFlags Flags(ParseResult result) => new(
        result.GetValue(Address),
        result.GetValue(Key),
        result.GetValue(Json) ? "json" : result.GetValue(Output),
        result.GetValue(Profile));

    public static CliEnvironment Environment(ParseResult result) =>
        (result.RootCommandResult.Command as RlctlRootCommand)?.Environment ?? CliEnvironment.Process;

    public static CliSettings Settings(ParseResult result) => CliSettings.Resolve(Flags(result), Environment(result));

    /// <summary>
    /// Did the command line, the environment or the profile ask for JSON? (Then errors are JSON too.) When the settings do
    /// not resolve, or an option's value does not parse, the --json and --output flags alone say.
    /// </summary>
    public static bool WantsJson(ParseResult result)
    {
        try
        {
            return Settings(result).Output == OutputFormat.Json;
        }
        catch (Exception e) when (e is CliUsageException or InvalidOperationException)
        {
            return Parses(() => result.GetValue(Json)) || Parses(() => result.GetValue(Output) == "json");
        }
    }

    /// <summary>The flag's value, or false when it does not parse (GetValue throws for a value the option refuses).</summary>
    private static bool Parses(Func<bool> value)
    {
        try
        {
            return value();
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The output of `rlctl config`, which edits profiles and so takes its format from the flags and RL_OUTPUT only.</summary>
    public static Output ConfigOutput(ParseResult result)
    {
        var format = Flags(result).Output is { } flag ? new Setting(flag, "--output")
            : Environment(result).Get("RL_OUTPUT") is { } variable ? new Setting(variable, "RL_OUTPUT") : null;
        return OutputFor(result, format is null ? OutputFormat.Table : CliSettings.ParseOutput(format));
    }

    public static Output OutputFor(ParseResult result, OutputFormat format) =>
        new(result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, format);
}
