using System.CommandLine;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>rlctl analytics reasons: units returned per reason, their shares and the fastest-growing reason (GetReturnReasons).</summary>
public static class ReasonsCommand
{
    public static Command Create()
    {
        var (from, to, by, sku, category, tenant) =
            (AnalyticsFlags.From(), AnalyticsFlags.To(), AnalyticsFlags.By(), AnalyticsFlags.Sku(), AnalyticsFlags.Category(), AnalyticsFlags.Tenant());
        var top = new Option<int>("--top") { Description = "Reasons listed per group, most units first (0 to 100; 5 by default); the rest are summed as (other)" };
        var command = new Command("reasons", "Units returned per reason code and their shares, per group") { from, to, by, sku, category, tenant, top };
        return AnalyticsCommand.Paged(command, (connection, result, page, cancellationToken) => connection.Client.Analytics.GetReturnReasonsAsync(new GetReturnReasonsRequest
        {
            FirstDay = result.GetValue(from)!, LastDay = result.GetValue(to)!, GroupBy = result.GetValue(by), Sku = result.GetValue(sku)!,
            Category = result.GetValue(category)!, TenantId = result.GetValue(tenant)!, Top = result.GetValue(top), PageSize = page.Size, PageToken = page.Token,
        }, connection.Call(cancellationToken)).ResponseAsync, View);
    }

    public const string Other = "(other)";

    public static AnalyticsView View(GetReturnReasonsResponse response)
    {
        var sheet = new Sheet("group", "reason", "units", "share", "units returned");
        foreach (var group in response.Groups)
        {
            var name = Cell.Group(group.Group);
            foreach (var reason in group.Reasons)
                sheet.Add(name, Cell.Of(reason.ReasonCode), Cell.Count(reason.Units), Cell.Rate(reason.Share), Cell.Count(group.UnitsReturned));
            if (group.OtherUnits > 0)
                sheet.Add(name, Cell.Of(Other), Cell.Count(group.OtherUnits), Cell.Rate((double)group.OtherUnits / group.UnitsReturned),
                    Cell.Count(group.UnitsReturned));
        }
        var charts = response.Groups.Where(g => g.Reasons.Count > 0).Select(g => Charts.Bars($"Units returned by reason {Cell.Group(g.Group).Text}",
            [.. g.Reasons.Select(r => (r.ReasonCode, (double)r.Units)), .. g.OtherUnits > 0 ? [(Other, (double)g.OtherUnits)] : Array.Empty<(string, double)>()]));
        var notes = response.Groups.Where(g => g.FastestGrowing is not null).Select(g =>
            $"{Cell.Group(g.Group).Text}: {g.FastestGrowing.ReasonCode} grew most, {Cell.Rate(g.FastestGrowing.PreviousShare).Text} -> " +
            $"{Cell.Rate(g.FastestGrowing.Share).Text} against {response.PreviousFirstDay}..{response.PreviousLastDay} ({g.PreviousUnitsReturned} units returned then)");
        return new AnalyticsView(response, sheet, [.. charts]) { Notes = [.. notes] };
    }
}
