using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReverseLogistics.Cli;

/// <summary>
/// A protobuf message as a table for people: one row per set field, nested messages as nested tables,
/// repeated messages as one nested table each. Unset fields are left out, as in the JSON output.
/// </summary>
public static class MessageView
{
    public static Table Render(IMessage message)
    {
        var table = new Table().HideHeaders().AddColumns("field", "value");
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (IsUnset(field, value)) continue;
            table.AddRow(new Text(field.JsonName), RenderValue(field, value));
        }
        return table;
    }

    private static Table Nested(IMessage message) => Render(message).Border(TableBorder.Rounded);

    private static IRenderable RenderValue(FieldDescriptor field, object value)
    {
        if (field.IsMap)
        {
            var map = new Table().HideHeaders().AddColumns("key", "value").Border(TableBorder.Rounded);
            foreach (DictionaryEntry entry in (IDictionary)value)
                map.AddRow(new Text(Scalar(entry.Key)), entry.Value is IMessage m ? Nested(m) : new Text(Scalar(entry.Value)));
            return map;
        }
        if (field.IsRepeated)
        {
            var items = ((IEnumerable)value).Cast<object>().ToList();
            return items.All(i => i is IMessage && Text(i) is null)
                ? new Rows(items.Select(i => Nested((IMessage)i)))
                : new Text(string.Join(", ", items.Select(i => Text(i) ?? Scalar(i))));
        }
        return value is IMessage nested && Text(nested) is null ? Nested(nested) : new Text(Text(value) ?? Scalar(value));
    }

    /// <summary>Well-known types that read best as one line of text; null for other messages.</summary>
    private static string? Text(object value) => value switch
    {
        Timestamp timestamp => timestamp.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Duration duration => duration.ToTimeSpan().ToString("c", CultureInfo.InvariantCulture),
        IMessage => null,
        _ => Scalar(value),
    };

    private static string Scalar(object? value) => value switch
    {
        null => "",
        ByteString bytes => $"({bytes.Length} bytes)",
        bool flag => flag ? "yes" : "no",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static bool IsUnset(FieldDescriptor field, object? value) => value switch
    {
        null => true,
        IList list when field.IsRepeated => list.Count == 0,
        IDictionary map => map.Count == 0,
        string text => text.Length == 0,
        ByteString bytes => bytes.IsEmpty,
        bool flag => !flag && !field.HasPresence,
        System.Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture) == 0,
        IMessage => false,
        _ => !field.HasPresence && Convert.ToDouble(value, CultureInfo.InvariantCulture) == 0,
    };
}
