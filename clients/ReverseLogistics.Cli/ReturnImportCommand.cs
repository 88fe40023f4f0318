using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Grpc.Core;
using ReverseLogistics.Cli.Errors;
using ReverseLogistics.Cli.Import;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>
/// rlctl returns import: one return per CSV row, each with a request id derived from the file and the row, so a rerun
/// after an interruption creates nothing twice. Exit 5 when any row was invalid.
/// </summary>
public static class ReturnImportCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("file") { Description = "A CSV file with a header row (columns: docs/rlctl.md)" };
        var command = new Command("import", "Create one return per row of a CSV file; safe to run again") { path };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var file = result.GetValue(path)!;
            byte[] content;
            try
            {
                content = await File.ReadAllBytesAsync(file, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"Cannot read {file}: {e.Message}");
            }
            var ids = new ImportRequestIds(content);
            var rows = ReadRows(file, content);
            // Judged by the platform's creation time against this moment: a row created by an earlier run is "already there".
            var started = DateTimeOffset.UtcNow;
            var outcomes = new List<ImportRow>();
            try
            {
                await ImportProgress.RunAsync(result.InvocationConfiguration.Error, rows.Count, async report =>
                {
                    foreach (var (line, request, problems) in rows)
                    {
                        var outcome = request is null
                            ? new ImportRow(line, ImportOutcome.Failed, "", "", string.Join("; ", problems), ExitCodes.InvalidInput)
                            : await CreateAsync(connection, request, ids.For(line), line, started, cancellationToken);
                        outcomes.Add(outcome);
                        report(outcome);
                    }
                });
            }
            catch (RpcException)
            {
                // A failure every further row would meet too (no key, platform down): what was done, then the failure.
                Summarise(connection, file, outcomes, rows.Count - outcomes.Count);
                throw;
            }
            Summarise(connection, file, outcomes, 0);
            var failures = outcomes.Where(o => o.Outcome == ImportOutcome.Failed).ToList();
            if (failures.Any(f => f.ExitCode == ExitCodes.InvalidInput)) throw new CommandExit(ExitCodes.InvalidInput);
            if (failures.Count > 0) throw new CommandExit(failures[0].ExitCode);
        })(command);
        return command;
    }

    private static async Task<ImportRow> CreateAsync(Connection connection, CreateReturnRequest request, string requestId, int line,
        DateTimeOffset started, CancellationToken cancellationToken)
    {
        request.RequestId = requestId;
        try
        {
            var created = await connection.Client.Returns.CreateReturnAsync(request, connection.Call(cancellationToken));
            var earlier = created.CreateTime is { } time && time.ToDateTimeOffset() < started;
            return new ImportRow(line, earlier ? ImportOutcome.AlreadyThere : ImportOutcome.Created, created.ReturnId,
                ProtoEnum.Name(created.Status), "", ExitCodes.Ok);
        }
        catch (RpcException e) when (!StopsTheRun(e.StatusCode))
        {
            var failure = CallFailure.Describe(e, connection.Settings);
            return new ImportRow(line, ImportOutcome.Failed, "", "", string.Join(" ", failure.Lines.Select(l => l.Trim())), failure.ExitCode);
        }
    }

    private static bool StopsTheRun(StatusCode code) =>
        code is StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.Unavailable or StatusCode.DeadlineExceeded
            or StatusCode.Cancelled or StatusCode.ResourceExhausted;

    private static List<(int Line, CreateReturnRequest? Request, IReadOnlyList<string> Problems)> ReadRows(string file, byte[] content)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',', TrackLineNumbers = true, TrimWhitespace = true, NormalizeHeaderName = name => name.Trim().ToLowerInvariant(),
        };
        using var csv = CsvReader.Create(content, options);
        var rows = new List<(int, CreateReturnRequest?, IReadOnlyList<string>)>();
        try
        {
            csv.ReadHeader();
            var columns = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
            if (columns.Count == 0) throw new CliUsageException($"{file} is empty: it needs a header row ({string.Join(",", ReturnCsv.Required)}).");
            var missing = ReturnCsv.Required.Where(c => !columns.Contains(c)).ToList();
            if (missing.Count > 0) throw new CliUsageException($"{file} lacks the columns {string.Join(", ", missing)} (docs/rlctl.md lists them).");
            while (csv.Read())
            {
                var (request, problems) = ReturnCsv.Read(csv, columns);
                rows.Add(((int)csv.LineNumber, request, problems));
            }
        }
        catch (CsvFormatException e)
        {
            throw new CliUsageException($"{file} is not a CSV file rlctl can read: {e.Message}");
        }
        return rows;
    }

    private static void Summarise(Connection connection, string file, List<ImportRow> rows, int notTried)
    {
        var created = rows.Count(r => r.Outcome == ImportOutcome.Created);
        var already = rows.Count(r => r.Outcome == ImportOutcome.AlreadyThere);
        var failed = rows.Where(r => r.Outcome == ImportOutcome.Failed).ToList();
        if (connection.Output.IsJson)
        {
            connection.Output.Json(json =>
            {
                json.WriteStartObject();
                json.WriteString("file", file);
                json.WriteNumber("created", created);
                json.WriteNumber("alreadyThere", already);
                json.WriteNumber("failed", failed.Count);
                json.WriteNumber("notTried", notTried);
                json.WriteStartArray("rows");
                foreach (var row in rows)
                {
                    json.WriteStartObject();
                    json.WriteNumber("line", row.Line);
                    json.WriteString("outcome", row.Outcome switch { ImportOutcome.Created => "created", ImportOutcome.AlreadyThere => "alreadyThere", _ => "failed" });
                    if (row.ReturnId.Length > 0) json.WriteString("returnId", row.ReturnId);
                    if (row.Status.Length > 0) json.WriteString("status", row.Status);
                    if (row.Reason.Length > 0) json.WriteString("reason", row.Reason);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            });
            return;
        }
        connection.Output.Table(["line", "outcome", "return", "reason"], rows.Select(r => new[]
        {
            r.Line.ToString(CultureInfo.InvariantCulture), r.Outcome switch { ImportOutcome.Created => "created", ImportOutcome.AlreadyThere => "already there", _ => "failed" },
            r.ReturnId, r.Reason,
        }));
        var summary = $"Created {created}, already there {already}, failed {failed.Count}";
        if (failed.Count > 0) summary += $" (line {string.Join(", ", failed.Select(f => f.Line))})";
        if (notTried > 0) summary += $", not tried {notTried}: run the same command again to carry on";
        connection.Output.Line(summary + ".");
    }
}
