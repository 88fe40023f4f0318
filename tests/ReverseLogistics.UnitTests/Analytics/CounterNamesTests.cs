using ReverseLogistics.Domain.Analytics;

namespace ReverseLogistics.UnitTests.Analytics;

public sealed class CounterNamesTests
{
    private static readonly DateOnly Day = new(2026, 3, 14);

    [Fact]
    public void A_key_starts_with_its_fixed_width_period_and_its_parts_split_back_apart_whatever_they_hold()
    {
        var key = CounterNames.Key(Day, PeriodGrain.Day, "SKU|1%7C", "why\0|%");

        Assert.StartsWith("2026-03-14|", key);
        Assert.Equal(["SKU|1%7C", "why\0|%"], CounterNames.Parts(key, PeriodGrain.Day));
        Assert.Equal("2026-03", CounterNames.Key(Day, PeriodGrain.Month));
        Assert.Empty(CounterNames.Parts("2026-03", PeriodGrain.Month));
        Assert.Equal(new DateOnly(2026, 3, 1), CounterNames.PeriodStart("2026-03|x", PeriodGrain.Month));
        Assert.Equal(Day, CounterNames.PeriodStart(key, PeriodGrain.Day));
    }

    [Fact]
    public void Names_say_what_is_counted_grouped_how_and_per_which_period()
    {
        Assert.Equal("units_returned.sku.month", CounterNames.Name(Measure.UnitsReturned, Dimension.Sku, PeriodGrain.Month));
        Assert.Equal("reasons.all.day", CounterNames.Name(Measure.ReasonUnits, Dimension.Overall, PeriodGrain.Day));
    }

    [Fact]
    public void Escaped_parts_keep_a_days_keys_between_that_day_and_the_next()
    {
        var keys = new[] { "", "~", "\uffff", "|||", "%" }.Select(part => CounterNames.Key(Day, PeriodGrain.Day, part));

        Assert.All(keys, key => Assert.InRange(string.CompareOrdinal(key, "2026-03-14"), 0, int.MaxValue));
        Assert.All(keys, key => Assert.True(string.CompareOrdinal(key, "2026-03-15") < 0));
    }
}
