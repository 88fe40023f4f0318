using System.Globalization;
using ReverseLogistics.Domain.Analytics;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Silo.Paging;
using ReverseLogistics.V1;
using ReasonGrowth = ReverseLogistics.V1.ReasonGrowth;
using ReasonShare = ReverseLogistics.V1.ReasonShare;
using CenterMetrics = ReverseLogistics.V1.CenterMetrics;
using ReceivingPeriod = ReverseLogistics.V1.ReceivingPeriod;

namespace ReverseLogistics.Silo.Analytics;

/// <summary>Analytics requests to queries, reports to messages.</summary>
public static class AnalyticsMapper
{
    /// <summary>A query from a request's fields; every bad field is noted on <paramref name="v"/>.</summary>
    public static AnalyticsQuery Query(string firstDay, string lastDay, AnalyticsGrouping groupBy, string sku, string category, AnalyticsInterval interval,
        Validator v)
    {
        var range = AnalyticsQuery.ParseRange(firstDay, lastDay, v);
        // A value this server does not know (a newer client's) is refused, not read as another: GetCenterMetrics does the same.
        v.Require(Enum.IsDefined(groupBy), "group_by", "unknown grouping");
        v.Require(Enum.IsDefined(interval), "interval", "unknown interval");
        var dimension = groupBy switch
        {
            AnalyticsGrouping.Unspecified or AnalyticsGrouping.Overall => Dimension.Overall,
            AnalyticsGrouping.Category => Dimension.Category,
            _ => Dimension.Sku,
        };
        v.Require(sku.Length == 0 || dimension == Dimension.Sku, "sku", "only with group_by ANALYTICS_GROUPING_SKU");
        v.Require(category.Length == 0 || dimension == Dimension.Category, "category", "only with group_by ANALYTICS_GROUPING_CATEGORY");
        var only = dimension switch { Dimension.Sku when sku.Length > 0 => sku, Dimension.Category when category.Length > 0 => category, _ => null };
        return new AnalyticsQuery(range, dimension, only, IntervalOf(interval));
    }

    /// <summary>The ranking asked for; null for groups by name. A value this server does not know is noted on <paramref name="v"/>.</summary>
    public static RateOrder? OrderOf(ReturnRateOrder order, Validator v)
    {
        v.Require(Enum.IsDefined(order), "order_by", "unknown order");
        return order switch
        {
            ReturnRateOrder.Returns => RateOrder.Returns,
            ReturnRateOrder.UnitsReturned => RateOrder.UnitsReturned,
            ReturnRateOrder.ReturnRate => RateOrder.ReturnRate,
            _ => null,
        };
    }

    public static ReasonsOrder? OrderOf(ReturnReasonsOrder order, Validator v)
    {
        v.Require(Enum.IsDefined(order), "order_by", "unknown order");
        return order switch
        {
            ReturnReasonsOrder.UnitsReturned => ReasonsOrder.UnitsReturned,
            ReturnReasonsOrder.Growth => ReasonsOrder.Growth,
            _ => null,
        };
    }

    public static Interval IntervalOf(AnalyticsInterval interval) => interval switch
    {
        AnalyticsInterval.Day => Interval.Day,
        AnalyticsInterval.Week => Interval.Week,
        AnalyticsInterval.Month => Interval.Month,
        _ => Interval.Whole,
    };

    /// <summary>The last group of the page before, or null; a token the platform did not issue is noted on <paramref name="v"/>.</summary>
    public static string? AfterGroup(string pageToken, Validator v)
    {
        try
        {
            return PageTokens.Decode(pageToken, group => group.Length > 0);
        }
        catch (InvalidInputException refused)
        {
            foreach (var violation in refused.Violations) v.Require(false, violation.Field, violation.Description);
            return null;
        }
    }

    public static string PageToken(string lastGroup) => PageTokens.Encode(lastGroup);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static ReturnRateGroup ToProto(RateGroup group)
    {
        var proto = new ReturnRateGroup { Group = group.Group, Total = ToProto(group.Total) };
        proto.Periods.AddRange(group.Periods.Select(ToProto));
        return proto;
    }

    public static ReturnReasonsGroup ToProto(ReasonsGroup group)
    {
        var proto = new ReturnReasonsGroup
        {
            Group = group.Group,
            UnitsReturned = group.UnitsReturned,
            OtherUnits = group.OtherUnits,
            PreviousUnitsReturned = group.PreviousUnitsReturned,
            FastestGrowing = group.FastestGrowing is { } growth
                ? new ReasonGrowth { ReasonCode = growth.ReasonCode, Share = growth.Share, PreviousShare = growth.PreviousShare }
                : null,
        };
        proto.Reasons.AddRange(group.Reasons.Select(r => new ReasonShare { ReasonCode = r.ReasonCode, Units = r.Units, Share = r.Share }));
        return proto;
    }

    private static ReturnRatePeriod ToProto(RatePeriod period)
    {
        var proto = new ReturnRatePeriod
        {
            FirstDay = Day(period.Period.First),
            LastDay = Day(period.Period.Last),
            Returns = period.Returns,
            UnitsReturned = period.UnitsReturned,
            UnitsSold = period.UnitsSold,
        };
        if (period.Rate is { } rate) proto.ReturnRate = rate;
        return proto;
    }

    public static CenterMetrics ToProto(Domain.Analytics.CenterMetrics centre)
    {
        var proto = new CenterMetrics
        {
            FulfillmentCenterId = centre.CenterId,
            Total = ToProto(centre.Total),
            BacklogUnits = centre.BacklogUnits,
            BacklogOldestAgeDays = centre.BacklogOldestAgeDays,
        };
        proto.Periods.AddRange(centre.Periods.Select(ToProto));
        proto.Backlog.AddRange(centre.Backlog.Select(b => new V1.BacklogDay { Day = Day(b.Day), Units = b.Units }));
        return proto;
    }

    private static ReceivingPeriod ToProto(Domain.Analytics.ReceivingPeriod period) => new()
    {
        FirstDay = Day(period.Days.First),
        LastDay = Day(period.Days.Last),
        Parcels = period.Parcels,
        Units = period.Units,
    };
}
