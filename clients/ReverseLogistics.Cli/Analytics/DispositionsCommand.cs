using System.CommandLine;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>rlctl analytics dispositions: units inspected by grade and disposition, and the value recovered (GetDispositionMix).</summary>
public static class DispositionsCommand
{
    public static Command Create()
    {
        var (from, to, by, sku, category, tenant) =
            (AnalyticsFlags.From(), AnalyticsFlags.To(), AnalyticsFlags.By(), AnalyticsFlags.Sku(), AnalyticsFlags.Category(), AnalyticsFlags.Tenant());
        var command = new Command("dispositions", "Units by grade and disposition, and what they recovered against what was refunded")
        {
            from, to, by, sku, category, tenant,
        };
        return AnalyticsCommand.Paged(command, (connection, result, page, cancellationToken) => connection.Client.Analytics.GetDispositionMixAsync(new GetDispositionMixRequest
        {
            FirstDay = result.GetValue(from)!, LastDay = result.GetValue(to)!, GroupBy = result.GetValue(by), Sku = result.GetValue(sku)!,
            Category = result.GetValue(category)!, TenantId = result.GetValue(tenant)!, PageSize = page.Size, PageToken = page.Token,
        }, connection.Call(cancellationToken)).ResponseAsync, View);
    }

    public static AnalyticsView View(GetDispositionMixResponse response)
    {
        var sheet = new Sheet("group", "grade", "disposition", "units", "share");
        foreach (var group in response.Groups)
            foreach (var cell in group.Cells)
                sheet.Add(Cell.Group(group.Group), Cell.Of(Choices.Kebab(cell.Grade.ToString())), Cell.Of(Choices.Kebab(cell.Disposition.ToString())),
                    Cell.Count(cell.Units), Cell.Rate(group.Units > 0 ? (double)cell.Units / group.Units : null));
        var charts = response.Groups.Where(g => g.Cells.Count > 0).Select(g => Charts.Bars($"Units by disposition {Cell.Group(g.Group).Text}",
            g.Cells.GroupBy(c => c.Disposition).OrderBy(d => d.Key).Select(d => (Choices.Kebab(d.Key.ToString()), (double)d.Sum(c => c.Units)))));
        var values = new Sheet("group", "currency", "refunded (minor units)", "recovered (minor units)", "recovery rate");
        foreach (var group in response.Groups)
            foreach (var value in group.Values)
                values.Add(Cell.Group(group.Group), Cell.Of(value.Refunded?.CurrencyCode ?? value.Recovered?.CurrencyCode ?? ""),
                    Cell.Money(value.Refunded), Cell.Money(value.Recovered), Cell.Rate(value.HasRecoveryRate ? value.RecoveryRate : null));
        return new AnalyticsView(response, sheet, [.. charts]) { MoreSheets = [values] };
    }
}
