using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReverseLogistics.Grains;

/// <summary>
/// The one set of JSON options for domain values: grain state in the store, event data, recorded
/// first results, and domain values crossing grain calls. Web defaults, enums as strings.
/// </summary>
public static class DomainJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
