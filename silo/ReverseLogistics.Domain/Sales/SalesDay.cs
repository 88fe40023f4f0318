using System.Globalization;
using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Domain.Sales;

/// <summary>
/// One merchant's sales on one UTC day. A report replaces the figures of the SKUs it lists, and only those: reporting
/// a SKU's day again corrects it, never adds to it.
/// </summary>
public sealed class SalesDay(SalesDayState state)
{
    public const int MaxSkusPerReport = 1000;
    public const long MaxUnits = 1_000_000_000;
    public const int MaxText = 100;

    /// <summary>How far ahead of the platform's clock a day may be: merchants in time zones ahead of UTC report "today" early.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromDays(1);

    public SalesDayState State { get; } = state;

    /// <summary>The day of a report: "YYYY-MM-DD", from 2000-01-01 up to the platform's tomorrow.</summary>
    public static DateOnly ParseDay(string day, DateTime now, Validator v, string field = "day")
    {
        var parsed = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value);
        v.Require(parsed, field, "a day, YYYY-MM-DD");
        v.Require(!parsed || value >= new DateOnly(2000, 1, 1), field, "on or after 2000-01-01");
        v.Require(!parsed || value <= DateOnly.FromDateTime(now + ClockSkew), field, "not after tomorrow (UTC)");
        return value;
    }

    /// <summary>Checks a report's lines, naming each bad field as in the request ("sales[2].units_sold").</summary>
    public static void Validate(IReadOnlyList<SkuSales> sales, Validator v)
    {
        v.Require(sales.Count > 0, "sales", "at least one SKU");
        v.Require(sales.Count <= MaxSkusPerReport, "sales", $"at most {MaxSkusPerReport} SKUs");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sales.Count && i < MaxSkusPerReport; i++)
        {
            var line = sales[i];
            RequireText(v, line.Sku, $"sales[{i}].sku");
            RequireText(v, line.Category, $"sales[{i}].category");
            v.Require(line.UnitsSold is >= 0 and <= MaxUnits, $"sales[{i}].units_sold", $"between 0 and {MaxUnits}");
            v.Require(seen.Add(line.Sku), $"sales[{i}].sku", "listed once per report");
        }
    }

    /// <summary>Replaces the reported SKUs' figures (their category too); the day's other SKUs keep theirs.</summary>
    public SalesReportResult Report(DateOnly day, IReadOnlyList<SkuSales> sales, DateTime now)
    {
        var v = new Validator();
        Validate(sales, v);
        v.ThrowIfInvalid();
        State.Day = day;
        foreach (var line in sales) State.Skus[line.Sku] = new SoldUnits(line.Category, line.UnitsSold);
        State.Reports++;
        State.UpdatedAt = now;
        return new SalesReportResult(day, sales.Count, sales.Sum(s => s.UnitsSold), State.Skus.Count, State.Skus.Values.Sum(s => s.Units));
    }

    private static void RequireText(Validator v, string value, string field)
    {
        v.Require(!string.IsNullOrWhiteSpace(value), field, "required");
        v.Require(value.Length <= MaxText, field, $"at most {MaxText} characters");
    }
}
