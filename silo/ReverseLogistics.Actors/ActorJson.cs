using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReverseLogistics.Actors;

/// <summary>The one set of JSON options for actor state (and, by convention, event data): web defaults, enums as strings.</summary>
public static class ActorJson
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
