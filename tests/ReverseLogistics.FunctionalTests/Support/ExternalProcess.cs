using System.Diagnostics;
using System.Text;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>Runs a program to completion, capturing what it printed.</summary>
public static class ExternalProcess
{
    /// <param name="Output">Standard output and standard error, interleaved as printed.</param>
    /// <param name="Errors">Standard error alone.</param>
    public sealed record Result(int ExitCode, string Output, string Errors);

    public static async Task<Result> RunAsync(string fileName, string arguments, string workingDirectory,
        IReadOnlyDictionary<string, string>? environment = null, TimeSpan? hangGuard = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var output = new StringBuilder();
        var errors = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output)
            {
                output.AppendLine(e.Data);
                errors.AppendLine(e.Data);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Only a guard against a hung child, never an assertion on speed.
        using var guard = new CancellationTokenSource(hangGuard ?? TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish; output so far:\n{output}");
        }
        process.WaitForExit(); // flushes the redirected streams
        lock (output) return new Result(process.ExitCode, output.ToString(), errors.ToString());
    }
}
