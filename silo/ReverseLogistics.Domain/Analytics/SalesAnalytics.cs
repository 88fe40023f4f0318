using ReverseLogistics.Domain.Sales;

namespace ReverseLogistics.Domain.Analytics;

/// <summary>What a merchant's sales day contributes to its counters: units sold per day and month, overall, per category and per SKU.</summary>
public static class SalesAnalytics
{
    public static Contribution Of(SalesDayState state)
    {
        var contribution = new Contribution();
        if (state.Skus.Count == 0) return contribution;
        foreach (var grain in new[] { PeriodGrain.Day, PeriodGrain.Month })
        {
            contribution.Add(CounterNames.Name(Measure.UnitsSold, Dimension.Overall, grain), CounterNames.Key(state.Day, grain), state.Skus.Values.Sum(s => s.Units));
            foreach (var (sku, sold) in state.Skus)
            {
                contribution.Add(CounterNames.Name(Measure.UnitsSold, Dimension.Category, grain), CounterNames.Key(state.Day, grain, sold.Category), sold.Units);
                contribution.Add(CounterNames.Name(Measure.UnitsSold, Dimension.Sku, grain), CounterNames.Key(state.Day, grain, sku), sold.Units);
            }
        }
        return contribution;
    }
}
