using System.Globalization;
using CsvHelper;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Import;

/// <summary>
/// The file of `rlctl sales report FILE.csv` (docs/rlctl.md): columns day, sku, category, units, one row per SKU and day. Read
/// whole before anything is sent, as one report per day of at most <see cref="MaxSkusPerReport"/> SKUs, each with the line
/// of its first row.
/// </summary>
public static class SalesCsv
{
    public static readonly string[] Columns = ["day", "sku", "category", "units"];

    /// <summary>ReportSalesRequest.sales holds at most this many SKUs (sales.proto).</summary>
    public const int MaxSkusPerReport = 1000;

    public static (List<(int Line, ReportSalesRequest Request)> Reports, List<string> Problems) Read(string file, byte[] content)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',', TrackLineNumbers = true, TrimWhitespace = true, NormalizeHeaderName = name => name.Trim().ToLowerInvariant(),
        };
        using var csv = CsvReader.Create(content, options);
        var rows = new List<(int Line, string Day, SkuSales Sales)>();
        var problems = new List<string>();
        try
        {
            csv.ReadHeader();
            var missing = Columns.Except(csv.Headers.Select(h => h.Trim().ToLowerInvariant())).ToList();
            if (missing.Count > 0) throw new CliUsageException($"{file} lacks the columns {string.Join(", ", missing)} (it needs day,sku,category,units).");
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                var units = csv.GetString("units")?.Trim() ?? "";
                if (!long.TryParse(units, NumberStyles.None, CultureInfo.InvariantCulture, out var sold))
                    problems.Add($"line {line}: units: '{units}' is not a whole number");
                rows.Add((line, csv.GetString("day")?.Trim() ?? "",
                    new SkuSales { Sku = csv.GetString("sku")?.Trim() ?? "", Category = csv.GetString("category")?.Trim() ?? "", UnitsSold = sold }));
            }
        }
        catch (CsvFormatException e)
        {
            throw new CliUsageException($"{file} is not a CSV file rlctl can read: {e.Message}");
        }
        if (rows.Count == 0 && problems.Count == 0) problems.Add($"{file} has no rows");
        var reports = rows.GroupBy(r => r.Day)
            .SelectMany(day => day.Chunk(MaxSkusPerReport))
            .Select(chunk => (chunk[0].Line, new ReportSalesRequest { Day = chunk[0].Day, Sales = { chunk.Select(r => r.Sales) } }))
            .ToList();
        return (reports, problems);
    }
}
