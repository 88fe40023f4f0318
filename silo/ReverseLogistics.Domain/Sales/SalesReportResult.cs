namespace ReverseLogistics.Domain.Sales;

/// <summary>What a sales report changed: the report's own SKUs and units, and the day's totals after it.</summary>
public sealed record SalesReportResult(DateOnly Day, int SkusReported, long UnitsReported, int SkusOnDay, long UnitsOnDay);
