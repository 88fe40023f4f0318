using System.CommandLine;
using ReverseLogistics.Cli.Input;
using ReverseLogistics.V1;

namespace ReverseLogistics.Cli.Analytics;

/// <summary>rlctl analytics resolution: how long returns refunded in the range took, and in which stage (GetResolutionMetrics).</summary>
public static class ResolutionCommand
{
    public const string RequestToRefund = "request-to-refund";

    public static Command Create()
    {
        var (from, to, interval, tenant) = (AnalyticsFlags.From(), AnalyticsFlags.To(), AnalyticsFlags.Interval(), AnalyticsFlags.Tenant());
        var command = new Command("resolution", "Time from request to refund (median, p90, mean) and per stage, for returns refunded in the range")
        {
            from, to, interval, tenant,
        };
        return AnalyticsCommand.Single(command, (connection, result, cancellationToken) => connection.Client.Analytics.GetResolutionMetricsAsync(new GetResolutionMetricsRequest
        {
            FirstDay = result.GetValue(from)!, LastDay = result.GetValue(to)!, Interval = result.GetValue(interval), TenantId = result.GetValue(tenant)!,
        }, connection.Call(cancellationToken)).ResponseAsync, View);
    }

    public static AnalyticsView View(GetResolutionMetricsResponse response)
    {
        var sheet = new Sheet("first day", "last day", "span", "returns", "median", "p90", "mean");
        foreach (var period in response.Periods) AddPeriod(sheet.Add, period);
        var total = response.Total ?? new ResolutionPeriod();
        if (response.Periods.Count == 0) AddPeriod(sheet.Add, total);
        else AddPeriod(sheet.AddTotal, total);
        var stages = total.Stages.Where(s => s.Duration is not null).ToList();
        AnalyticsView view = new(response, sheet, stages.Count == 0 ? [] :
            [Charts.Bars("Median time per stage, hours", stages.Select(s => (Stage(s.Stage), s.Duration.MedianSeconds / 3600.0)), " h")]);
        return view;
    }

    private static void AddPeriod(Action<Cell[]> add, ResolutionPeriod period)
    {
        add(Row(period.FirstDay, period.LastDay, RequestToRefund, period.RequestToRefund));
        foreach (var stage in period.Stages) add(Row(period.FirstDay, period.LastDay, Stage(stage.Stage), stage.Duration));
    }

    private static Cell[] Row(string first, string last, string span, DurationSummary? duration)
    {
        duration ??= new DurationSummary();
        return [Cell.Of(first), Cell.Of(last), Cell.Of(span), Cell.Count(duration.Count), Cell.Seconds(duration.MedianSeconds),
            Cell.Seconds(duration.P90Seconds), Cell.Seconds(duration.MeanSeconds)];
    }

    private static string Stage(ResolutionStage stage) => Choices.Kebab(stage.ToString());
}
