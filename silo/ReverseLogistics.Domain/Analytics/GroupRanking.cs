using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>What every ranking of groups asks of its query (<see cref="ReturnRateRanking"/>, <see cref="ReturnReasonsRanking"/>).</summary>
public static class GroupRanking
{
    /// <summary>
    /// Every SKU or category (not the whole business, not one group), in one answer (no page token); each conflict is noted on
    /// <paramref name="v"/>. A ranking reads every group of the range, so it is one page of the first groups ranked.
    /// </summary>
    public static void Check(AnalyticsQuery query, bool paged, Validator v)
    {
        v.Require(query.Dimension != Dimension.Overall, "group_by", "ANALYTICS_GROUPING_SKU or ANALYTICS_GROUPING_CATEGORY to rank groups");
        v.Require(query.Only is null, query.Dimension == Dimension.Sku ? "sku" : "category", "not with order_by: a ranking is of every group");
        v.Require(!paged, "page_token", "not with order_by: a ranking is one page");
    }
}
