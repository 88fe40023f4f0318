using System.Text.Json;
using System.Text.Json.Serialization;

namespace ReverseLogistics.Grains;

/// <summary>
/// A grain's state as committed, already serialized: written into a larger JSON value as it is, so a
/// result recorded for idempotency does not serialize the same state a second time.
/// </summary>
[JsonConverter(typeof(StateJsonConverter))]
public sealed class StateJson(string json)
{
    public string Json { get; } = json;

    private sealed class StateJsonConverter : JsonConverter<StateJson>
    {
        public override StateJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("StateJson is written only; read the recorded result as its own type.");

        public override void Write(Utf8JsonWriter writer, StateJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json, skipInputValidation: true);
    }
}
