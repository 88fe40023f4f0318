using System.CommandLine;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>rlctl analytics centres (operators): parcels and units received per centre and period, and the inspection backlog (GetCenterMetrics).</summary>
public static class CentresCommand
{
    public static Command Create()
    {
        var (from, to, interval) = (AnalyticsFlags.From(), AnalyticsFlags.To(), AnalyticsFlags.Interval());
        var centre = AnalyticsFlags.Text("--centre", "One fulfilment centre (every centre when absent)");
        var command = new Command("centres", "Per fulfilment centre: receiving per period and the inspection backlog (operator key)") { from, to, interval, centre };
        return AnalyticsCommand.Single(command, (connection, result, cancellationToken) => connection.Client.Analytics.GetCenterMetricsAsync(new GetCenterMetricsRequest
        {
            FirstDay = result.GetValue(from)!, LastDay = result.GetValue(to)!, Interval = result.GetValue(interval), FulfillmentCenterId = result.GetValue(centre)!,
        }, connection.Call(cancellationToken)).ResponseAsync, View);
    }

    public static AnalyticsView View(GetCenterMetricsResponse response)
    {
        var sheet = new Sheet("centre", "first day", "last day", "parcels", "units", "backlog units", "oldest backlog (days)");
        foreach (var center in response.Centers)
        {
            Cell[] Row(ReceivingPeriod period) =>
            [
                Cell.Of(center.FulfillmentCenterId), Cell.Of(period.FirstDay), Cell.Of(period.LastDay), Cell.Count(period.Parcels), Cell.Count(period.Units),
                Cell.Count(center.BacklogUnits), Cell.Count(center.BacklogOldestAgeDays),
            ];
            var total = center.Total ?? new ReceivingPeriod();
            foreach (var period in center.Periods) sheet.Add(Row(period));
            if (center.Periods.Count == 0) sheet.Add(Row(total));
            else sheet.AddTotal(Row(total));
        }
        var charts = response.Centers.Where(c => c.Backlog.Count > 0).Select(c =>
            Charts.Bars($"Backlog of {c.FulfillmentCenterId} by arrival day (units)", c.Backlog.Select(d => (d.Day, (double)d.Units))));
        return new AnalyticsView(response, sheet, [.. charts]);
    }
}
