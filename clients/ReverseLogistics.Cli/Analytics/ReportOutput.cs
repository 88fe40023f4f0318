using System.CommandLine;
using System.Text;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>
/// How an analytics command prints its <see cref="AnalyticsView"/>: tables and charts for people, the response as one JSON
/// document with --json, or its sheet as CSV with --csv, on stdout or in the file --out names (never over one without --force).
/// </summary>
public sealed class ReportOutput
{
    private readonly Option<bool> _csv = new("--csv") { Description = "Print one CSV row per group and period, with a header" };
    private readonly Option<string> _out = new("--out") { Description = "With --csv: write the CSV to this file instead of stdout" };
    private readonly Option<bool> _force = new("--force") { Description = "With --out: overwrite the file if it exists" };

    public void AddTo(Command command)
    {
        command.Options.Add(_csv);
        command.Options.Add(_out);
        command.Options.Add(_force);
    }

    /// <summary>Stops a command line that asks for two outputs, or a file without CSV, before anything is called.</summary>
    public void Check(ParseResult result)
    {
        var csv = result.GetValue(_csv);
        if (csv && (result.GetValue(CliOptions.Json) || result.GetValue(CliOptions.Output) is "json"))
            throw new CliUsageException("--csv and --json ask for two outputs; choose one.");
        if (!csv && result.GetValue(_out) is not null) throw new CliUsageException("--out writes the CSV: add --csv.");
        if (csv && result.GetValue(_out) is { } file && !result.GetValue(_force) && File.Exists(file))
            throw new CliUsageException($"{file} exists; pass --force to overwrite it.");
    }

    public void Print(Output output, ParseResult result, AnalyticsView view, string? more = null)
    {
        if (result.GetValue(_csv))
        {
            WriteCsv(output, result, view.Sheet);
            // stdout holds the CSV alone.
            if (more is not null) result.InvocationConfiguration.Error.WriteLine(more);
            return;
        }
        if (output.IsJson)
        {
            output.JsonOf(view.Response);
            return;
        }
        output.Render(view.Sheet.ToTable());
        foreach (var sheet in view.MoreSheets) output.Render(sheet.ToTable());
        foreach (var chart in view.Charts) output.Render(chart);
        foreach (var note in view.Notes) output.Line(note);
        if (more is not null) output.Line(more);
    }

    private void WriteCsv(Output output, ParseResult result, Sheet sheet)
    {
        var text = new StringWriter();
        var rows = sheet.WriteCsv(text);
        if (result.GetValue(_out) is not { } file)
        {
            output.Write(text.ToString());
            return;
        }
        try
        {
            File.WriteAllText(file, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"Cannot write {file}: {e.Message}");
        }
        result.InvocationConfiguration.Error.WriteLine($"Wrote {rows} row(s) to {file}");
    }
}
