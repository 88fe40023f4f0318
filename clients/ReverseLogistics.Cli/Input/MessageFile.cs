using Google.Protobuf;

namespace ReverseLogistics.Cli.Input;

/// <summary>
/// A request message read from a file in the API's JSON mapping (what --json prints), or the same document
/// written as YAML (.yaml or .yml). A file that does not parse is a usage error: nothing is sent.
/// </summary>
public static class MessageFile
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static T Read<T>(string path) where T : IMessage<T>, new()
    {
        string text;
        try
        {
            text = path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"Cannot read {path}: {e.Message}");
        }
        var isYaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        try
        {
            return Parser.Parse<T>(isYaml ? YamlAsJson.Convert(text) : text);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or InvalidJsonException or FormatException or YamlDotNet.Core.YamlException)
        {
            throw new CliUsageException($"{path} is not a {typeof(T).Name} in the API's {(isYaml ? "JSON mapping written as YAML" : "JSON mapping")}: {e.Message}");
        }
    }
}
