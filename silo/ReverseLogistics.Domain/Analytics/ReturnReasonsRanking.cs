namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// Every SKU or category of a range with its reasons, ranked by its units returned or by their growth: which products come
/// back most and why, or come back more than before. Ranks the groups <see cref="ReturnReasonsReport.Build"/> gives for every
/// group (no page), so it reads every group of the range and of the period before it. The query is checked by
/// <see cref="GroupRanking.Check"/>.
/// </summary>
public static class ReturnReasonsRanking
{
    /// <summary>The first <paramref name="count"/> of <paramref name="groups"/> (in group order, as built) by <paramref name="order"/>, highest first; equal ones keep group order.</summary>
    public static IReadOnlyList<ReasonsGroup> Top(IReadOnlyList<ReasonsGroup> groups, ReasonsOrder order, int count) =>
    [
        // OrderByDescending is stable: equal figures stay in group order.
        .. (order switch
        {
            ReasonsOrder.UnitsReturned => groups.OrderByDescending(g => g.UnitsReturned),
            ReasonsOrder.Growth => groups.Where(g => Growth(g) > 0).OrderByDescending(Growth),
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, "not a ranking"),
        }).Take(count),
    ];

    /// <summary>How many more units came back in the range than in the period before it.</summary>
    public static long Growth(ReasonsGroup group) => group.UnitsReturned - group.PreviousUnitsReturned;
}
