using System.Text.Json;
using Google.Protobuf;
using ReverseLogistics.Cli.Settings;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ReverseLogistics.Cli;

/// <summary>Prints a command's result: tables for people, or one JSON document for scripts.</summary>
public sealed class Output(TextWriter writer, TextWriter error, OutputFormat format)
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithIndentation().WithFormatDefaultValues(false));

    private readonly IAnsiConsole _console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
    });

    public bool IsJson => format == OutputFormat.Json;

    /// <summary>One message: as JSON, or as a table of its fields with nested tables for nested data.</summary>
    public void Message(IMessage message)
    {
        if (IsJson) writer.WriteLine(Formatter.Format(message));
        else _console.Write(MessageView.Render(message));
    }

    /// <summary>A list: as JSON of the whole response, or as a table with one row per item.</summary>
    public void List<T>(IMessage response, IEnumerable<T> items, params (string Header, Func<T, string> Value)[] columns)
    {
        if (IsJson)
        {
            writer.WriteLine(Formatter.Format(response));
            return;
        }
        Table(columns.Select(c => c.Header), items.Select(item => columns.Select(c => c.Value(item))));
    }

    /// <summary>
    /// A response holding a once-only secret: as JSON (the secret one of its fields), or <paramref name="shown"/> as a
    /// table, then the secret alone on the last line for copying or `tail -1`, and a warning on stderr.
    /// </summary>
    public void Secret(IMessage response, IMessage shown, string secret)
    {
        if (IsJson)
        {
            writer.WriteLine(Formatter.Format(response));
            return;
        }
        Message(shown);
        writer.WriteLine(secret);
        error.WriteLine("Store this secret now: it is shown only once and cannot be read back.");
    }

    /// <summary>A table with a header row, for people only (the caller prints JSON itself).</summary>
    public void Table(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows)
    {
        var table = new Table().AddColumns(headers.ToArray());
        foreach (var row in rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        _console.Write(table);
    }

    /// <summary>A document rlctl builds itself (not a response), as JSON.</summary>
    public void Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true })) write(json);
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>A line as it is, in either format: one record of a stream (a JSON object per line with --json).</summary>
    public void Raw(string line) => writer.WriteLine(line);

    /// <summary>A line for people in either format: on stdout with tables, on stderr with JSON (stdout keeps the one document).</summary>
    public void Note(string line) => (IsJson ? error : writer).WriteLine(line);

    /// <summary>A heading for people, as <see cref="Note"/>: a rule across the terminal with tables, a plain line with JSON.</summary>
    public void Heading(string title)
    {
        if (IsJson) error.WriteLine($"== {title} ==");
        else _console.Write(new Rule(Markup.Escape(title)).LeftJustified());
    }

    /// <summary>Anything Spectre.Console draws (a table, a chart), for people only: nothing in JSON mode.</summary>
    public void Render(IRenderable renderable)
    {
        if (!IsJson) _console.Write(renderable);
    }

    /// <summary>The response in the API's JSON mapping, whatever the format (for commands that print it themselves).</summary>
    public void JsonOf(IMessage response) => writer.WriteLine(Formatter.Format(response));

    /// <summary>Text a command writes as it is on stdout (a CSV document).</summary>
    public void Write(string text) => writer.Write(text);

    /// <summary>A line for people; nothing in JSON mode, where the response says it all.</summary>
    public void Line(string text)
    {
        if (!IsJson) writer.WriteLine(text);
    }
}
