using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReverseLogistics.Cli.Settings;

/// <summary>
/// rlctl's profile file: named profiles and the one in use. It lives at $RL_CONFIG, else
/// $XDG_CONFIG_HOME/rlctl/config.json, else ~/.config/rlctl/config.json, and is written readable by its
/// owner only, since it holds keys.
/// </summary>
public sealed class ProfileFile
{
    public const string DefaultProfile = "default";

    public string? CurrentProfile { get; set; }
    public SortedDictionary<string, Profile> Profiles { get; set; } = new(StringComparer.Ordinal);

    public static string PathFor(CliEnvironment environment)
    {
        if (environment.Get("RL_CONFIG") is { } explicitPath) return Path.GetFullPath(explicitPath, environment.WorkingDirectory);
        var configHome = environment.Get("XDG_CONFIG_HOME") ?? Path.Combine(environment.HomeDirectory, ".config");
        return Path.Combine(configHome, "rlctl", "config.json");
    }

    /// <summary>The file at <paramref name="path"/>, or an empty one when there is none.</summary>
    public static ProfileFile Load(string path)
    {
        if (!File.Exists(path)) return new ProfileFile();
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ProfileFileJson.Default.ProfileFile) ?? new ProfileFile();
        }
        catch (JsonException e)
        {
            throw new CliUsageException($"The profile file {path} is not valid JSON ({e.Message}); fix or remove it.");
        }
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, this, ProfileFileJson.Default.ProfileFile);
            stream.WriteByte((byte)'\n');
        }
        // A file created earlier with wider permissions is narrowed too: UnixCreateMode applies only to new files.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, path, overwrite: true);
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ProfileFile))]
internal sealed partial class ProfileFileJson : JsonSerializerContext;
