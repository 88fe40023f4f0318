using System.CommandLine;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;
using Spectre.Console;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>rlctl analytics rate: returns, units returned and sold, and the return rate, per group and period, or groups ranked (GetReturnRate).</summary>
public static class RateCommand
{
    public static Command Create()
    {
        var (from, to, by, interval, sku, category, tenant) =
            (AnalyticsFlags.From(), AnalyticsFlags.To(), AnalyticsFlags.By(), AnalyticsFlags.Interval(), AnalyticsFlags.Sku(), AnalyticsFlags.Category(), AnalyticsFlags.Tenant());
        var order = Choices.Option<ReturnRateOrder>("--order",
            "Rank every SKU or category (with --by) by this figure, highest first: the first --page-size of them (100 by default)");
        var minUnitsSold = new Option<long>("--min-units-sold") { Description = "With --order: only groups that sold at least this many units in the range" };
        var command = new Command("rate", "Return rate (units returned / units sold) per group and period, or groups ranked by it")
        {
            from, to, by, interval, sku, category, tenant, order, minUnitsSold,
        };
        return AnalyticsCommand.Paged(command, (connection, result, page, cancellationToken) => connection.Client.Analytics.GetReturnRateAsync(new GetReturnRateRequest
        {
            FirstDay = result.GetValue(from)!, LastDay = result.GetValue(to)!, GroupBy = result.GetValue(by), Interval = result.GetValue(interval),
            Sku = result.GetValue(sku)!, Category = result.GetValue(category)!, TenantId = result.GetValue(tenant)!, PageSize = page.Size, PageToken = page.Token,
            OrderBy = result.GetValue(order), MinUnitsSold = result.GetValue(minUnitsSold),
        }, connection.Call(cancellationToken)).ResponseAsync, (response, result) => View(response, result.GetValue(order)));
    }

    public static AnalyticsView View(GetReturnRateResponse response, ReturnRateOrder order = ReturnRateOrder.Unspecified)
    {
        var sheet = new Sheet("group", "first day", "last day", "returns", "units returned", "units sold", "return rate");
        foreach (var group in response.Groups)
        {
            foreach (var period in group.Periods) sheet.Add(Row(group.Group, period));
            if (group.Periods.Count == 0) sheet.Add(Row(group.Group, group.Total));
            // The total spans the whole range, which tells it from the periods above it.
            else sheet.AddTotal(Row(group.Group, group.Total));
        }
        var charts = response.Groups.Where(g => g.Periods.Count > 0).Select(g => Charts.Bars(
            $"Return rate {Cell.Group(g.Group).Text}", g.Periods.Select(p => (p.FirstDay, (p.HasReturnRate ? p.ReturnRate : 0) * 100)), " %"));
        if (order == ReturnRateOrder.Unspecified) return new AnalyticsView(response, sheet, [.. charts]);
        return new AnalyticsView(response, sheet, response.Groups.Count == 0 ? [] : [Ranked(response, order)]);
    }

    /// <summary>A ranking's figure, a bar per group in the order ranked.</summary>
    private static BarChart Ranked(GetReturnRateResponse response, ReturnRateOrder order)
    {
        (string Title, Func<ReturnRatePeriod, double> Figure, string Unit) ranked = order switch
        {
            ReturnRateOrder.Returns => ("Returns, most first", total => total.Returns, ""),
            ReturnRateOrder.UnitsReturned => ("Units returned, most first", total => total.UnitsReturned, ""),
            _ => ("Return rate, highest first", total => total.ReturnRate * 100, " %"),
        };
        return Charts.Bars(ranked.Title, response.Groups.Select(g => (Cell.Group(g.Group).Text, ranked.Figure(g.Total))), ranked.Unit);
    }

    private static Cell[] Row(string group, ReturnRatePeriod period) =>
    [
        Cell.Group(group), Cell.Of(period.FirstDay), Cell.Of(period.LastDay),
        Cell.Count(period.Returns), Cell.Count(period.UnitsReturned), Cell.Count(period.UnitsSold), Cell.Rate(period.HasReturnRate ? period.ReturnRate : null),
    ];
}
