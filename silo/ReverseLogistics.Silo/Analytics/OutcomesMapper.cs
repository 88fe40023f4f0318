using System.Globalization;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Silo.Paging;
using ReverseLogistics.V1;
using CustomerRisk = ReverseLogistics.V1.CustomerRisk;
using DispositionCell = ReverseLogistics.V1.DispositionCell;
using DispositionGroup = ReverseLogistics.V1.DispositionGroup;
using DurationSummary = ReverseLogistics.V1.DurationSummary;
using RecoveryValue = ReverseLogistics.V1.RecoveryValue;
using ResolutionPeriod = ReverseLogistics.V1.ResolutionPeriod;

namespace ReverseLogistics.Silo.Analytics;

/// <summary>Resolution, disposition and customer-risk reports to messages, and the customer-risk page token.</summary>
public static class OutcomesMapper
{
    public static GetResolutionMetricsResponse ToProto(ResolutionMetrics metrics)
    {
        var response = new GetResolutionMetricsResponse { Total = ToProto(metrics.Total) };
        response.Periods.AddRange(metrics.Periods.Select(ToProto));
        return response;
    }

    public static DispositionGroup ToProto(Domain.Analytics.DispositionGroup group)
    {
        var proto = new DispositionGroup { Group = group.Group, Units = group.Units };
        proto.Cells.AddRange(group.Cells.Select(c => new DispositionCell
        {
            Grade = (InspectionGrade)(int)c.Grade, Disposition = (Disposition)(int)c.Disposition, Units = c.Units,
        }));
        proto.Values.AddRange(group.Values.Select(ToProto));
        return proto;
    }

    public static CustomerRisk ToProto(Domain.Analytics.CustomerRisk risk) => new()
    {
        CustomerReference = risk.CustomerReference,
        Returns = risk.Returns,
        FirstReturnDay = AnalyticsMapper.Day(risk.FirstReturnDay),
        LastReturnDay = AnalyticsMapper.Day(risk.LastReturnDay),
    };

    /// <summary>The last customer of the page before (its returns and reference), or null; a foreign token is noted on <paramref name="v"/>.</summary>
    public static (long Returns, string Customer)? AfterCustomer(string pageToken, Validator v)
    {
        var after = AnalyticsMapper.AfterGroup(pageToken, v);
        if (after is null) return null;
        var colon = after.IndexOf(':');
        if (colon > 0 && long.TryParse(after[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var returns)) return (returns, after[(colon + 1)..]);
        v.Require(false, "page_token", "not a token from a previous page");
        return null;
    }

    public static string PageToken(Domain.Analytics.CustomerRisk last) =>
        PageTokens.Encode(string.Create(CultureInfo.InvariantCulture, $"{last.Returns}:{last.CustomerReference}"));

    private static ResolutionPeriod ToProto(Domain.Analytics.ResolutionPeriod period)
    {
        var proto = new ResolutionPeriod
        {
            FirstDay = AnalyticsMapper.Day(period.Period.First), LastDay = AnalyticsMapper.Day(period.Period.Last), RequestToRefund = ToProto(period.RequestToRefund),
        };
        proto.Stages.AddRange(ResolutionReport.Spans.Where(s => s != ResolutionSpan.RequestToRefund)
            .Select(s => new StageDuration { Stage = (ResolutionStage)(int)s, Duration = ToProto(period.Spans[(int)s]) }));
        return proto;
    }

    private static DurationSummary ToProto(Domain.Analytics.DurationSummary summary) => new()
    {
        Count = summary.Count, MedianSeconds = summary.MedianSeconds, P90Seconds = summary.P90Seconds, MeanSeconds = summary.MeanSeconds,
    };

    private static RecoveryValue ToProto(Domain.Analytics.RecoveryValue value)
    {
        var proto = new RecoveryValue
        {
            Refunded = new Money { MinorUnits = value.Refunded, CurrencyCode = value.CurrencyCode },
            Recovered = new Money { MinorUnits = value.Recovered, CurrencyCode = value.CurrencyCode },
        };
        if (value.Rate is { } rate) proto.RecoveryRate = rate;
        return proto;
    }
}
