using ReverseLogistics.Domain.Network;
using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>
/// What a return contributes to its tenant's counters, from its state alone (docs/analytics.md). Every figure is
/// attributed to the day the return was requested (UTC), kept per day and per month. A return counts once it is
/// requested and stops counting if it is rejected, cancelled or expires: its commit then takes back what it added.
/// A return contributes only through the facets its record lists (<see cref="ReturnRecord.AnalyticsFacets"/>): new
/// returns get every current facet; returns stored before a facet existed get it from a backfill, whose commit adds
/// the facet's whole contribution at once.
/// </summary>
public static class ReturnAnalytics
{
    /// <summary>
    /// Returns, and units by reason, by SKU, category and overall: the return rate and the reasons. Earlier versions also
    /// counted units without their reason (<c>units_returned.*</c>), always the sum of the reasons' units: those rows are no
    /// longer moved or read.
    /// </summary>
    public const string ReturnsFacet = "returns/1";

    /// <summary>The facets a return created now is counted in.</summary>
    public static IReadOnlyList<string> CurrentFacets { get; } = [ReturnsFacet, ReturnOutcomes.Facet, CenterContribution.Facet];

    private static readonly PeriodGrain[] Grains = [PeriodGrain.Day, PeriodGrain.Month];

    public static Contribution Of(ReturnRecord record)
    {
        var contribution = new Contribution();
        if (record.AnalyticsFacets.Contains(ReturnsFacet)) AddReturns(contribution, record);
        if (record.AnalyticsFacets.Contains(ReturnOutcomes.Facet)) ReturnOutcomes.AddTo(contribution, record);
        if (record.AnalyticsFacets.Contains(CenterContribution.Facet)) CenterContribution.AddTo(contribution, record);
        return contribution;
    }

    /// <summary>Whether the return counts as one: requested and not rejected, cancelled or expired.</summary>
    public static bool Counts(ReturnState state) => state is not (ReturnState.Rejected or ReturnState.Cancelled or ReturnState.Expired);

    private static void AddReturns(Contribution contribution, ReturnRecord record)
    {
        if (!Counts(record.Rma.State)) return;
        var lines = record.Request.Lines
            .Select((line, i) => (line.Sku, line.Category, line.ReasonCode, Units: ExpectedUnits(record, i)))
            .Where(line => line.Units > 0)
            .ToList();
        if (lines.Count == 0) return;
        var day = DateOnly.FromDateTime(record.CreatedAt);
        foreach (var grain in Grains)
        {
            contribution.Add(CounterNames.Name(Measure.Returns, Dimension.Overall, grain), CounterNames.Key(day, grain), 1);
            foreach (var category in lines.Select(l => l.Category).Distinct(StringComparer.Ordinal))
                contribution.Add(CounterNames.Name(Measure.Returns, Dimension.Category, grain), CounterNames.Key(day, grain, category), 1);
            foreach (var sku in lines.Select(l => l.Sku).Distinct(StringComparer.Ordinal))
                contribution.Add(CounterNames.Name(Measure.Returns, Dimension.Sku, grain), CounterNames.Key(day, grain, sku), 1);
            // A line's units are counted once, under its reason: the units returned of a group are its reasons' units summed
            // (the return rate reads them so), so no counter of their own is kept.
            foreach (var line in lines)
            {
                contribution.Add(CounterNames.Name(Measure.ReasonUnits, Dimension.Overall, grain), CounterNames.Key(day, grain, line.ReasonCode), line.Units);
                contribution.Add(CounterNames.Name(Measure.ReasonUnits, Dimension.Category, grain),
                    CounterNames.Key(day, grain, line.Category, line.ReasonCode), line.Units);
                contribution.Add(CounterNames.Name(Measure.ReasonUnits, Dimension.Sku, grain), CounterNames.Key(day, grain, line.Sku, line.ReasonCode), line.Units);
            }
        }
    }

    /// <summary>The units a line expects: 0 for a line found ineligible, whose units are not returned.</summary>
    private static int ExpectedUnits(ReturnRecord record, int line) =>
        line < record.Rma.ExpectedQuantities.Count ? record.Rma.ExpectedQuantities[line] : record.Request.Lines[line].Quantity;
}
