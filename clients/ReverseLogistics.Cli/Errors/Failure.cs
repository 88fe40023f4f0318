using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ReverseLogistics.Cli.Errors;

/// <summary>
/// Why a command failed, as rlctl reports it on stderr: "Status: message hint" and a line per rejected field for
/// people, or with JSON output one document (code, message, exitCode, hint, retryDelaySeconds, fieldViolations).
/// </summary>
/// <param name="Status">The gRPC status as text shows it ("InvalidArgument"); null for a usage error.</param>
/// <param name="Code">The status's canonical name ("INVALID_ARGUMENT"), or "USAGE" when rlctl stopped before calling.</param>
public sealed record Failure(string? Status, string Code, string Message, string? Hint, int ExitCode)
{
    public const string UsageCode = "USAGE";

    public IReadOnlyList<(string Field, string Description)> FieldViolations { get; init; } = [];

    /// <summary>How long the platform asked the caller to wait before trying again (google.rpc.RetryInfo), when it said.</summary>
    public TimeSpan? RetryDelay { get; init; }

    /// <summary>A mistake in the command line or the settings: exit 2, nothing was called.</summary>
    public static Failure Usage(string message) =>
        new(null, UsageCode, message, "`rlctl COMMAND --help` lists its arguments and options.", ExitCodes.Usage);

    /// <summary>The text for people: one line, then each rejected field on its own indented line.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            if (Status is null) return [Message];
            // The server's message repeats the violations in one line; one per line reads better.
            var first = FieldViolations.Count > 0 ? "fix these fields and run the command again:" : Hint is null ? Message : $"{Message} {Hint}";
            return [$"{Status}: {first}", .. FieldViolations.Select(v => $"  {v.Field}: {v.Description}")];
        }
    }

    public void WriteTo(TextWriter error, bool json)
    {
        if (!json)
        {
            foreach (var line in Lines) error.WriteLine(line);
            return;
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("code", Code);
            writer.WriteString("message", Message);
            writer.WriteNumber("exitCode", ExitCode);
            if (Hint is not null) writer.WriteString("hint", Hint);
            if (RetryDelay is { } delay) writer.WriteNumber("retryDelaySeconds", Math.Round(delay.TotalSeconds, 3));
            if (FieldViolations.Count > 0)
            {
                writer.WriteStartArray("fieldViolations");
                foreach (var (field, description) in FieldViolations)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", field);
                    writer.WriteString("description", description);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        error.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>"0.25 s", "1 s".</summary>
    public static string Seconds(TimeSpan delay) => delay.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
