using ReverseLogistics.Cli;
using ReverseLogistics.Cli.Settings;

namespace ReverseLogistics.UnitTests.Cli;

public sealed class CliSettingsTests
{
    private const string Path = "/nowhere/rlctl.json";

    private static readonly ProfileFile File = new()
    {
        CurrentProfile = "staging",
        Profiles =
        {
            ["staging"] = new Profile { Address = "staging:7070", Key = "staging-key", Output = "json" },
            ["prod"] = new Profile { Address = "prod:7070" },
        },
    };

    private static CliSettings Resolve(CliFlags flags, Dictionary<string, string>? variables = null, ProfileFile? file = null) =>
        CliSettings.Resolve(flags, CliEnvironment.Of(variables ?? [], "/nowhere"), file ?? File, Path);

    [Fact]
    public void A_flag_beats_a_variable_which_beats_the_profile()
    {
        var variables = new Dictionary<string, string> { ["RL_ADDRESS"] = "env:7070", ["RL_KEY"] = "env-key", ["RL_OUTPUT"] = "table" };

        var flagged = Resolve(new CliFlags(Address: "flag:7070", Key: "flag-key", Output: "json"), variables);
        var fromVariables = Resolve(new CliFlags(), variables);
        var fromProfile = Resolve(new CliFlags());

        Assert.Equal(("flag:7070", "--address", "flag-key", "--key", OutputFormat.Json),
            (flagged.Address.Value, flagged.Address.Source, flagged.Key.Value, flagged.Key.Source, flagged.Output));
        Assert.Equal(("env:7070", "RL_ADDRESS", "env-key", "RL_KEY", OutputFormat.Table),
            (fromVariables.Address.Value, fromVariables.Address.Source, fromVariables.Key.Value, fromVariables.Key.Source, fromVariables.Output));
        Assert.Equal(("staging:7070", "staging-key", OutputFormat.Json), (fromProfile.Address.Value, fromProfile.Key.Value, fromProfile.Output));
        Assert.Equal($"profile 'staging' in {Path}", fromProfile.Address.Source);
    }

    [Fact]
    public void A_handhelds_device_comes_from_RL_DEVICE_else_the_profile_else_nowhere()
    {
        var file = new ProfileFile { Profiles = { ["default"] = new Profile { Device = "HH-PROFILE" } } };

        var fromVariable = Resolve(new CliFlags(), new Dictionary<string, string> { ["RL_DEVICE"] = "HH-ENV" }, file);
        var fromProfile = Resolve(new CliFlags(), file: file);
        var none = Resolve(new CliFlags(), file: new ProfileFile());

        Assert.Equal(("HH-ENV", "RL_DEVICE"), (fromVariable.Device.Value, fromVariable.Device.Source));
        Assert.Equal("HH-PROFILE", fromProfile.Device.Value);
        Assert.Equal((null, "none"), (none.Device.Value, none.Device.Source));
    }

    [Fact]
    public void Without_any_setting_the_defaults_apply()
    {
        var settings = Resolve(new CliFlags(), file: new ProfileFile());

        Assert.Equal(("default", "127.0.0.1:7070", "default", null, "none", OutputFormat.Table),
            (settings.ProfileName, settings.Address.Value, settings.Address.Source, settings.Key.Value, settings.Key.Source, settings.Output));
    }

    [Fact]
    public void The_profile_is_chosen_by_flag_then_variable_then_the_file()
    {
        var variables = new Dictionary<string, string> { ["RL_PROFILE"] = "prod" };

        Assert.Equal("prod", Resolve(new CliFlags(Profile: "prod")).ProfileName);
        Assert.Equal("prod", Resolve(new CliFlags(), variables).ProfileName);
        Assert.Equal("staging", Resolve(new CliFlags(Profile: "staging"), variables).ProfileName);
        Assert.Equal("staging", Resolve(new CliFlags()).ProfileName);
    }

    [Fact]
    public void A_setting_missing_from_the_chosen_profile_falls_through_to_the_default()
    {
        var prod = Resolve(new CliFlags(Profile: "prod"));

        Assert.Equal(("prod:7070", null, OutputFormat.Table), (prod.Address.Value, prod.Key.Value, prod.Output));
    }

    [Fact]
    public void A_profile_named_but_missing_is_a_usage_error()
    {
        var error = Assert.Throws<CliUsageException>(() => Resolve(new CliFlags(Profile: "qa")));

        Assert.StartsWith($"There is no profile 'qa' in {Path} (selected by --profile)", error.Message);
    }

    [Fact]
    public void An_unknown_output_format_is_a_usage_error_naming_its_source()
    {
        var error = Assert.Throws<CliUsageException>(() => Resolve(new CliFlags(), new Dictionary<string, string> { ["RL_OUTPUT"] = "yaml" }));

        Assert.Equal("The output format 'yaml' (from RL_OUTPUT) is neither table nor json.", error.Message);
    }

    [Fact]
    public void The_profile_file_is_found_at_RL_CONFIG_then_XDG_CONFIG_HOME_then_the_home_directory()
    {
        static string PathWith(Dictionary<string, string> variables) =>
            ProfileFile.PathFor(new CliEnvironment(name => variables.GetValueOrDefault(name), "/work", "/home/op"));

        Assert.Equal("/work/my.json", PathWith(new() { ["RL_CONFIG"] = "my.json", ["XDG_CONFIG_HOME"] = "/xdg" }));
        Assert.Equal("/xdg/rlctl/config.json", PathWith(new() { ["XDG_CONFIG_HOME"] = "/xdg" }));
        Assert.Equal("/home/op/.config/rlctl/config.json", PathWith([]));
    }
}
