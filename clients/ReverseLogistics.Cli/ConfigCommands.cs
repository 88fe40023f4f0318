using System.CommandLine;
using ReverseLogistics.Cli.Errors;
using ReverseLogistics.Cli.Settings;

namespace ReverseLogistics.Cli;

/// <summary>rlctl config: the profile file's named profiles (address, key, output) and the one in use.</summary>
public static class ConfigCommands
{
    public static Command Create() => new("config", "Profiles of settings (address, key, output, device) kept in rlctl's profile file")
    {
        SetCommand(), UnsetCommand(), GetCommand(), ListCommand(), UseCommand(),
    };

    private static Argument<string> SettingName()
    {
        var name = new Argument<string>("setting") { Description = "address, key, output or device" };
        name.AcceptOnlyFromAmong(CliSettings.Names.Select(n => n.Name).ToArray());
        return name;
    }

    private static Command SetCommand()
    {
        var name = SettingName();
        var value = new Argument<string>("value") { Description = "The value; - reads it from standard input (keeps a key out of shell history)" };
        var command = new Command("set", "Set a setting of the profile in use (or --profile's), creating the profile and the file if needed") { name, value };
        command.SetAction((result, _) => Edit(result, result.GetValue(name)!, (profile, setting) =>
        {
            var text = result.GetValue(value)!;
            if (text == "-") text = Console.In.ReadLine()?.Trim() ?? "";
            if (text.Length == 0) throw new CliUsageException($"No value for {setting}; to remove it, run `rlctl config unset {setting}`.");
            if (setting == "output") text = CliSettings.ParseOutput(new Setting(text, "the command line")).ToString().ToLowerInvariant();
            Assign(profile, setting, text);
        }));
        return command;
    }

    private static Command UnsetCommand()
    {
        var name = SettingName();
        var command = new Command("unset", "Remove a setting from the profile in use (or --profile's)") { name };
        command.SetAction((result, _) => Edit(result, result.GetValue(name)!, (profile, setting) => Assign(profile, setting, null)));
        return command;
    }

    private static Command GetCommand()
    {
        var name = SettingName();
        var command = new Command("get", "Print the value a command would use now, and where it comes from (on stderr)") { name };
        command.SetAction((result, _) => RlctlCommand.Guarded(result, () =>
        {
            var settings = CliOptions.Settings(result);
            var setting = result.GetValue(name) switch
            {
                "address" => settings.Address,
                "key" => settings.Key,
                "device" => settings.Device,
                _ => new Setting(settings.Output.ToString().ToLowerInvariant(), "resolved"),
            };
            var output = CliOptions.OutputFor(result, settings.Output);
            if (output.IsJson)
                output.Json(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("setting", result.GetValue(name));
                    json.WriteString("value", setting.Value);
                    json.WriteString("source", setting.Source);
                    json.WriteString("profile", settings.ProfileName);
                    json.WriteEndObject();
                });
            else
            {
                result.InvocationConfiguration.Output.WriteLine(setting.Value ?? "");
                result.InvocationConfiguration.Error.WriteLine($"(from {setting.Source})");
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command ListCommand()
    {
        var command = new Command("list", "List the profiles (keys shown by their last characters only)");
        command.SetAction((result, _) => RlctlCommand.Guarded(result, () =>
        {
            var environment = CliOptions.Environment(result);
            var path = ProfileFile.PathFor(environment);
            var file = ProfileFile.Load(path);
            var flags = CliOptions.Flags(result);
            var (current, _) = CliSettings.SelectProfile(flags, environment, file, path);
            var output = CliOptions.ConfigOutput(result);
            if (output.IsJson)
                output.Json(json =>
                {
                    json.WriteStartObject();
                    json.WriteString("path", path);
                    json.WriteString("currentProfile", current);
                    json.WriteStartArray("profiles");
                    foreach (var (name, profile) in file.Profiles)
                    {
                        json.WriteStartObject();
                        json.WriteString("name", name);
                        json.WriteBoolean("current", name == current);
                        if (profile.Address is { } address) json.WriteString("address", address);
                        if (profile.Key is { } key) json.WriteString("key", Masked(key));
                        if (profile.Output is { } format) json.WriteString("output", format);
                        if (profile.Device is { } device) json.WriteString("device", device);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                });
            else
            {
                output.Table(["profile", "current", "address", "key", "output", "device"], file.Profiles.Select(p => new[]
                {
                    p.Key, p.Key == current ? "*" : "", p.Value.Address ?? "", p.Value.Key is { } key ? Masked(key) : "", p.Value.Output ?? "", p.Value.Device ?? "",
                }));
                output.Line($"Profile file: {path}");
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private static Command UseCommand()
    {
        var name = new Argument<string>("profile");
        var command = new Command("use", "Make a profile the one commands use when neither --profile nor RL_PROFILE says") { name };
        command.SetAction((result, _) => RlctlCommand.Guarded(result, () =>
        {
            var path = ProfileFile.PathFor(CliOptions.Environment(result));
            var file = ProfileFile.Load(path);
            var profile = result.GetValue(name)!;
            if (!file.Profiles.ContainsKey(profile))
            {
                result.InvocationConfiguration.Error.WriteLine(
                    $"There is no profile '{profile}' in {path}; create it with `rlctl config set address HOST:PORT --profile {profile}`.");
                return Task.FromResult(ExitCodes.NotFound);
            }
            file.CurrentProfile = profile;
            file.Save(path);
            Report(result, profile, null, path);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    /// <summary>Changes one setting of the selected profile and saves the file (owner-only).</summary>
    private static Task<int> Edit(ParseResult result, string setting, Action<Profile, string> change) => RlctlCommand.Guarded(result, () =>
    {
        var environment = CliOptions.Environment(result);
        var path = ProfileFile.PathFor(environment);
        var file = ProfileFile.Load(path);
        var (name, _) = CliSettings.SelectProfile(CliOptions.Flags(result), environment, file, path);
        if (!file.Profiles.TryGetValue(name, out var profile)) file.Profiles[name] = profile = new Profile();
        change(profile, setting);
        file.Save(path);
        Report(result, name, setting, path);
        return Task.FromResult(ExitCodes.Ok);
    });

    private static void Report(ParseResult result, string profile, string? setting, string path)
    {
        var output = CliOptions.ConfigOutput(result);
        if (output.IsJson)
            output.Json(json =>
            {
                json.WriteStartObject();
                json.WriteString("path", path);
                json.WriteString("profile", profile);
                if (setting is not null) json.WriteString("setting", setting);
                json.WriteEndObject();
            });
        else output.Line(setting is null ? $"Using profile '{profile}' ({path})." : $"Profile '{profile}': {setting} updated ({path}).");
    }

    private static void Assign(Profile profile, string setting, string? value)
    {
        switch (setting)
        {
            case "address": profile.Address = value; break;
            case "key": profile.Key = value; break;
            case "device": profile.Device = value; break;
            default: profile.Output = value; break;
        }
    }

    private static string Masked(string key) => key.Length <= 8 ? "****" : "…" + key[^4..];
}
