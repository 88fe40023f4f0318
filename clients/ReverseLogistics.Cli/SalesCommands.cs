using System.CommandLine;
using ReverseLogistics.Cli.Analytics;
using ReverseLogistics.Cli.Errors;
using ReverseLogistics.Cli.Import;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli;

/// <summary>
/// rlctl sales report: the units a merchant sold per SKU and day, which return rates divide by (SalesService.ReportSales). One
/// SKU from flags, or many from a CSV file (day,sku,category,units), one report per day; a day reported again is replaced,
/// so running a file again changes nothing.
/// </summary>
public static class SalesCommands
{
    public static Command Create() => new("sales", "The units a merchant sold, which return rates divide by (merchant key)") { ReportCommand() };

    private static Command ReportCommand()
    {
        var file = new Argument<string?>("file") { Description = "A CSV file with a header row: day,sku,category,units", Arity = ArgumentArity.ZeroOrOne };
        var day = AnalyticsFlags.Text("--day", "The UTC day, YYYY-MM-DD (without a file)");
        var sku = AnalyticsFlags.Text("--sku", "The SKU (without a file)");
        var category = AnalyticsFlags.Text("--category", "The category its returns count under (without a file)");
        var units = new Option<long?>("--units") { Description = "Units sold that day (without a file)" };
        var requestId = RlctlCommand.RequestId();
        var command = new Command("report", "Set the units sold on a day: one SKU from flags, or many from a CSV file")
        {
            file, day, sku, category, units, requestId,
        };
        RlctlCommand.Runs(async (connection, result, cancellationToken) =>
        {
            var path = result.GetValue(file);
            var flags = new[] { result.GetValue(day), result.GetValue(sku), result.GetValue(category) }.Any(v => v!.Length > 0) || result.GetValue(units) is not null;
            if (path is not null && flags) throw new CliUsageException("Give either a file or --day, --sku, --category and --units, not both.");
            var reports = path is null ? [(0, FromFlags(result, day, sku, category, units, requestId))] : FromFile(result, path);
            var answers = new List<ReportSalesResponse>();
            foreach (var (_, request) in reports)
                answers.Add(await connection.Client.Sales.ReportSalesAsync(request, connection.Call(cancellationToken)));
            Print(connection.Output, answers, fromFile: path is not null);
        })(command);
        return command;
    }

    private static ReportSalesRequest FromFlags(ParseResult result, Option<string> day, Option<string> sku, Option<string> category, Option<long?> units,
        Option<string> requestId)
    {
        if (result.GetValue(day)!.Length == 0 || result.GetValue(sku)!.Length == 0 || result.GetValue(units) is null)
            throw new CliUsageException("Give a CSV file, or --day, --sku and --units (and --category).");
        return new ReportSalesRequest
        {
            RequestId = result.GetValue(requestId)!, Day = result.GetValue(day)!,
            Sales = { new SkuSales { Sku = result.GetValue(sku)!, Category = result.GetValue(category)!, UnitsSold = result.GetValue(units)!.Value } },
        };
    }

    /// <summary>The file's reports, each with a request id made of the file's content and the report's first line (a rerun sends the same).</summary>
    private static List<(int, ReportSalesRequest)> FromFile(ParseResult result, string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"Cannot read {path}: {e.Message}");
        }
        var (reports, problems) = SalesCsv.Read(path, content);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) result.InvocationConfiguration.Error.WriteLine(problem);
            result.InvocationConfiguration.Error.WriteLine("Nothing was sent: fix the file and run the command again.");
            throw new CommandExit(ExitCodes.InvalidInput);
        }
        var ids = new ImportRequestIds(content);
        foreach (var (line, request) in reports) request.RequestId = ids.For(line);
        return reports;
    }

    /// <summary>With --json: the response for flags; for a file, {"reports": [response, ...]}, one per report sent.</summary>
    private static void Print(Output output, List<ReportSalesResponse> answers, bool fromFile)
    {
        if (output.IsJson && !fromFile)
        {
            output.JsonOf(answers[0]);
            return;
        }
        if (output.IsJson)
        {
            output.Json(json =>
            {
                json.WriteStartObject();
                json.WriteStartArray("reports");
                foreach (var answer in answers) json.WriteRawValue(Google.Protobuf.JsonFormatter.Default.Format(answer));
                json.WriteEndArray();
                json.WriteEndObject();
            });
            return;
        }
        var sheet = new Sheet("day", "SKUs reported", "units reported", "SKUs on day", "units on day");
        foreach (var a in answers)
            sheet.Add(Cell.Of(a.Day), Cell.Count(a.SkusReported), Cell.Count(a.UnitsReported), Cell.Count(a.SkusOnDay), Cell.Count(a.UnitsOnDay));
        output.Render(sheet.ToTable());
        output.Line($"Reported {Cell.Count(answers.Sum(a => a.UnitsReported)).Text} units of {answers.Sum(a => a.SkusReported)} SKU(s) in {answers.Count} report(s).");
    }
}
