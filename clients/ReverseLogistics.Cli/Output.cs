using Google.Protobuf;
using Spectre.Console;

namespace ReverseLogistics.Cli;

/// <summary>Prints responses as tables for people or as JSON for scripts.</summary>
public sealed class Output(TextWriter writer, bool json)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(false));

    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
    });

    /// <summary>One message: as JSON, or as a two-column table of its fields.</summary>
    public void Message(IMessage message)
    {
        if (json)
        {
            writer.WriteLine(Formatter.Format(message));
            return;
        }
        var table = new Table().HideHeaders().AddColumns("field", "value");
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            table.AddRow(Markup.Escape(field.JsonName), Markup.Escape(Describe(field.Accessor.GetValue(message))));
        _console.Write(table);
    }

    /// <summary>A list: as JSON of the whole response, or as a table with one row per item.</summary>
    public void List<T>(IMessage response, IEnumerable<T> items, params (string Header, Func<T, string> Value)[] columns)
    {
        if (json)
        {
            writer.WriteLine(Formatter.Format(response));
            return;
        }
        var table = new Table().AddColumns(columns.Select(c => c.Header).ToArray());
        foreach (var item in items) table.AddRow(columns.Select(c => Markup.Escape(c.Value(item))).ToArray());
        _console.Write(table);
    }

    /// <summary>A line for people; nothing in JSON mode, where the response says it all.</summary>
    public void Line(string text)
    {
        if (!json) writer.WriteLine(text);
    }

    private static string Describe(object? value) => value switch
    {
        null => "",
        IMessage nested => nested.ToString() ?? "",
        _ => value.ToString() ?? "",
    };
}
