using System.CommandLine;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;
using Spectre.Console;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>rlctl analytics reasons: units returned per reason, their shares and the fastest-growing reason (GetReturnReasons).</summary>
public static class ReasonsCommand
{
    public static Command Create()
    {
        var (from, to, by, sku, category, tenant) =
            (AnalyticsFlags.From(), AnalyticsFlags.To(), AnalyticsFlags.By(), AnalyticsFlags.Sku(), AnalyticsFlags.Category(), AnalyticsFlags.Tenant());
        var top = new Option<int>("--top") { Description = "Reasons listed per group, most units first (0 to 100; 5 by default); the rest are summed as (other)" };
        var order = Choices.Option<ReturnReasonsOrder>("--order",
            "Rank every SKU or category (with --by) by units returned, or by their growth against the period before: the first --page-size of them (100 by default)");
        var command = new Command("reasons", "Units returned per reason code and their shares, per group, or groups ranked by their units returned or its growth")
        {
            from, to, by, sku, category, tenant, top, order,
        };
        return AnalyticsCommand.Paged(command, (connection, result, page, cancellationToken) => connection.Client.Analytics.GetReturnReasonsAsync(new GetReturnReasonsRequest
        {
            FirstDay = result.GetValue(from)!, LastDay = result.GetValue(to)!, GroupBy = result.GetValue(by), Sku = result.GetValue(sku)!,
            Category = result.GetValue(category)!, TenantId = result.GetValue(tenant)!, Top = result.GetValue(top), PageSize = page.Size, PageToken = page.Token,
            OrderBy = result.GetValue(order),
        }, connection.Call(cancellationToken)).ResponseAsync, (response, result) => View(response, result.GetValue(order)));
    }

    public const string Other = "(other)";

    public static AnalyticsView View(GetReturnReasonsResponse response, ReturnReasonsOrder order = ReturnReasonsOrder.Unspecified)
    {
        // A ranking by growth shows what it ranks by: the units returned in the period before beside those of the range.
        var growth = order == ReturnReasonsOrder.Growth;
        var sheet = new Sheet(["group", "reason", "units", "share", "units returned", .. growth ? ["units returned before"] : Array.Empty<string>()]);
        foreach (var group in response.Groups)
        {
            Cell[] Row(string reason, long units, double share) =>
            [
                Cell.Group(group.Group), Cell.Of(reason), Cell.Count(units), Cell.Rate(share), Cell.Count(group.UnitsReturned),
                .. growth ? [Cell.Count(group.PreviousUnitsReturned)] : Array.Empty<Cell>(),
            ];
            foreach (var reason in group.Reasons) sheet.Add(Row(reason.ReasonCode, reason.Units, reason.Share));
            if (group.OtherUnits > 0) sheet.Add(Row(Other, group.OtherUnits, (double)group.OtherUnits / group.UnitsReturned));
        }
        var charts = response.Groups.Where(g => g.Reasons.Count > 0).Select(g => Charts.Bars($"Units returned by reason {Cell.Group(g.Group).Text}",
            [.. g.Reasons.Select(r => (r.ReasonCode, (double)r.Units)), .. g.OtherUnits > 0 ? [(Other, (double)g.OtherUnits)] : Array.Empty<(string, double)>()]));
        var notes = response.Groups.Where(g => g.FastestGrowing is not null).Select(g =>
            $"{Cell.Group(g.Group).Text}: {g.FastestGrowing.ReasonCode} grew most, {Cell.Rate(g.FastestGrowing.PreviousShare).Text} -> " +
            $"{Cell.Rate(g.FastestGrowing.Share).Text} against {response.PreviousFirstDay}..{response.PreviousLastDay} ({g.PreviousUnitsReturned} units returned then)");
        BarChart[] drawn = order == ReturnReasonsOrder.Unspecified ? [.. charts] : response.Groups.Count == 0 ? [] : [Ranked(response, order)];
        return new AnalyticsView(response, sheet, drawn) { Notes = [.. notes] };
    }

    /// <summary>A ranking's figure, a bar per group in the order ranked.</summary>
    private static BarChart Ranked(GetReturnReasonsResponse response, ReturnReasonsOrder order) => order == ReturnReasonsOrder.Growth
        ? Charts.Bars($"Units returned, growth against {response.PreviousFirstDay}..{response.PreviousLastDay}, most first",
            response.Groups.Select(g => (Cell.Group(g.Group).Text, (double)(g.UnitsReturned - g.PreviousUnitsReturned))))
        : Charts.Bars("Units returned, most first", response.Groups.Select(g => (Cell.Group(g.Group).Text, (double)g.UnitsReturned)));
}
