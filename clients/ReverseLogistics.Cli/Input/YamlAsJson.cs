using System.Globalization;
using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ReverseLogistics.Cli.Input;

/// <summary>
/// A YAML document as the JSON document it spells: mappings as objects, sequences as arrays; plain (unquoted)
/// scalars that read as null, true/false or a number become those, every other scalar a string.
/// </summary>
public static class YamlAsJson
{
    public static string Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            if (stream.Documents.Count == 0) throw new FormatException("the file holds no YAML document");
            Write(json, stream.Documents[0].RootNode);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                json.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    json.WritePropertyName(((YamlScalarNode)key).Value ?? "");
                    Write(json, value);
                }
                json.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                json.WriteStartArray();
                foreach (var item in sequence.Children) Write(json, item);
                json.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(json, scalar);
                break;
            default:
                throw new FormatException($"unsupported YAML node at {node.Start}");
        }
    }

    private static void WriteScalar(Utf8JsonWriter json, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) json.WriteStringValue(text);
        else if (text is "" or "~" or "null") json.WriteNullValue();
        else if (text is "true" or "false") json.WriteBooleanValue(text == "true");
        else if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) json.WriteNumberValue(integer);
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) json.WriteNumberValue(number);
        else json.WriteStringValue(text);
    }
}
