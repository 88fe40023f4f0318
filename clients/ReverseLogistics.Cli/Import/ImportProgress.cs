using Spectre.Console;

namespace ReverseLogistics.Cli.Import;

/// <summary>
/// Progress of an import on stderr: a bar on an interactive terminal, else one plain line per row, so stdout
/// keeps only the summary (or the JSON document).
/// </summary>
public static class ImportProgress
{
    public static async Task RunAsync(TextWriter error, int total, Func<Action<ImportRow>, Task> work)
    {
        var interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");
        if (!interactive)
        {
            var done = 0;
            await work(row =>
            {
                done++;
                error.WriteLine($"[{done}/{total}] line {row.Line}: {Describe(row)}");
            });
            return;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) });
        await console.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask("Importing returns", maxValue: total);
            await work(_ => task.Increment(1));
        });
    }

    public static string Describe(ImportRow row) => row.Outcome switch
    {
        ImportOutcome.Created => $"created {row.ReturnId}",
        ImportOutcome.AlreadyThere => $"already there: {row.ReturnId}",
        _ => $"failed: {row.Reason}",
    };
}
