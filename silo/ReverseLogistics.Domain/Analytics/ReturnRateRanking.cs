using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// Every SKU or category of a range ranked by one of its return-rate figures: which products come back most. Ranks the
/// groups <see cref="ReturnRateReport.Build"/> gives for every group (no page), so it reads every group of the range.
/// </summary>
public static class ReturnRateRanking
{
    /// <summary>
    /// Whether a ranking can be made of <paramref name="query"/>: what every ranking asks (<see cref="GroupRanking.Check"/>), by
    /// the range's totals (no interval); every conflict is noted on <paramref name="v"/>.
    /// </summary>
    public static void Check(AnalyticsQuery query, bool paged, long minUnitsSold, Validator v)
    {
        GroupRanking.Check(query, paged, v);
        v.Require(query.Interval == Interval.Whole, "interval", "not with order_by: groups are ranked by the range's totals");
        v.Require(minUnitsSold >= 0, "min_units_sold", "0 or more");
    }

    /// <summary>
    /// The first <paramref name="count"/> of <paramref name="groups"/> (in group order, as built) that sold at least
    /// <paramref name="minUnitsSold"/> units, by <paramref name="order"/>, highest first; equal ones keep group order.
    /// </summary>
    public static IReadOnlyList<RateGroup> Top(IReadOnlyList<RateGroup> groups, RateOrder order, long minUnitsSold, int count)
    {
        var ranked = groups.Where(g => g.Total.UnitsSold >= minUnitsSold && (order != RateOrder.ReturnRate || g.Total.Rate is not null));
        // OrderByDescending is stable: equal figures stay in group order.
        return [.. (order switch
        {
            RateOrder.Returns => ranked.OrderByDescending(g => g.Total.Returns),
            RateOrder.UnitsReturned => ranked.OrderByDescending(g => g.Total.UnitsReturned),
            RateOrder.ReturnRate => ranked.OrderByDescending(g => g.Total.Rate!.Value),
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, "not a ranking"),
        }).Take(count)];
    }
}
