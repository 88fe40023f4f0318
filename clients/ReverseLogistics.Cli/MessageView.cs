using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using ReverseLogistics.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReverseLogistics.Cli;

/// <summary>
/// A protobuf message as a two-column table for people: one row per set field; a nested message is a row with
/// its name, followed by its own fields indented beneath it (a tree), so deep data never squeezes the columns.
/// Repeated messages are numbered #1, #2, ... Unset fields are left out, as in the JSON output.
/// </summary>
public static class MessageView
{
    private const int Indent = 2;

    public static Table Render(IMessage message)
    {
        var table = new Table().HideHeaders().AddColumns("field", "value");
        AddFields(table, message, depth: 0);
        return table;
    }

    private static void AddFields(Table table, IMessage message, int depth)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            // A field that tracks presence (optional, message, oneof) is shown when set, even to 0; the others when not default.
            var set = field.HasPresence ? field.Accessor.HasValue(message) : !IsDefault(field, value);
            if (set) AddField(table, field, value, depth);
        }
    }

    private static void AddField(Table table, FieldDescriptor field, object value, int depth)
    {
        if (field.IsMap)
        {
            AddRow(table, field.JsonName, "", depth);
            foreach (DictionaryEntry entry in (IDictionary)value) AddValue(table, Scalar(entry.Key), entry.Value, depth + 1);
        }
        else if (field.IsRepeated)
        {
            var items = ((IEnumerable)value).Cast<object>().ToList();
            if (items.Any(i => OneLine(i) is null))
            {
                AddRow(table, field.JsonName, "", depth);
                for (var i = 0; i < items.Count; i++) AddValue(table, $"#{i + 1}", items[i], depth + 1);
            }
            else AddRow(table, field.JsonName, string.Join(", ", items.Select(OneLine)), depth);
        }
        else AddValue(table, field.JsonName, value, depth);
    }

    private static void AddValue(Table table, string name, object? value, int depth)
    {
        if (OneLine(value) is { } text)
        {
            AddRow(table, name, text, depth);
            return;
        }
        AddRow(table, name, "", depth);
        AddFields(table, (IMessage)value!, depth + 1);
    }

    private static void AddRow(Table table, string name, string value, int depth) =>
        table.AddRow(new Padder(new Text(name), new Padding(depth * Indent, 0, 0, 0)), new Text(value));

    /// <summary>A value that reads best as one line of text (scalars, times, money); null for other messages.</summary>
    private static string? OneLine(object? value) => value switch
    {
        Timestamp timestamp => timestamp.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        Duration duration => duration.ToTimeSpan().ToString("c", CultureInfo.InvariantCulture),
        Money money => $"{money.MinorUnits.ToString(CultureInfo.InvariantCulture)} {money.CurrencyCode} (minor units)",
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

    private static bool IsDefault(FieldDescriptor field, object? value) => value switch
    {
        null => true,
        IList list when field.IsRepeated => list.Count == 0,
        IDictionary map => map.Count == 0,
        string text => text.Length == 0,
        ByteString bytes => bytes.IsEmpty,
        bool flag => !flag,
        System.Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture) == 0,
        IMessage => false,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture) == 0,
    };
}
