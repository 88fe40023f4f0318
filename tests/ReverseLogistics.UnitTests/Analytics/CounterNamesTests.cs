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
        Assert.Equal(("SKU|1%7C", "why\0|%"), (CounterNames.FirstPart(key, PeriodGrain.Day), CounterNames.LastPart(key)));
        Assert.Equal("2026-03", CounterNames.Key(Day, PeriodGrain.Month));
        Assert.Equal("", CounterNames.FirstPart("2026-03", PeriodGrain.Month));
        var last = CounterNames.LastPartSpan("2026-03|SKU-1|B|Restock", out var beforeLast);
        Assert.Equal(("B", "Restock"), (beforeLast.ToString(), last.ToString()));
        Assert.Equal(new DateOnly(2026, 3, 1), CounterNames.PeriodStart("2026-03|x", PeriodGrain.Month));
        Assert.Equal(Day, CounterNames.PeriodStart(key, PeriodGrain.Day));
    }

    [Fact]
    public void Names_say_what_is_counted_grouped_how_and_per_which_period()
    {
        Assert.Equal("units_sold.sku.month", CounterNames.Name(Measure.UnitsSold, Dimension.Sku, PeriodGrain.Month));
        Assert.Equal("reasons.all.day", CounterNames.Name(Measure.ReasonUnits, Dimension.Overall, PeriodGrain.Day));
    }

    [Fact]
    public void Escaped_parts_keep_a_days_keys_between_that_day_and_the_next()
    {
        var keys = new[] { "", "~", "\uffff", "|||", "%" }.Select(part => CounterNames.Key(Day, PeriodGrain.Day, part));

        Assert.All(keys, key => Assert.InRange(string.CompareOrdinal(key, "2026-03-14"), 0, int.MaxValue));
        Assert.All(keys, key => Assert.True(string.CompareOrdinal(key, "2026-03-15") < 0));
    }

    [Fact]
    public void Groups_are_ordered_as_their_keys_are_by_the_store_escaped_and_by_code_point()
    {
        // '|' and '%' sort as their escapes (%7C, %25); U+1F600 (a surrogate pair in UTF-16) after U+FFFD, as in UTF-8.
        string[] groups = ["ABC", "AB|C", "AB%", "\U0001F600", "\uFFFD", "ABC-1", "AB"];

        Assert.Equal(["AB", "AB%", "AB|C", "ABC", "ABC-1", "\uFFFD", "\U0001F600"], groups.Order(CounterNames.GroupOrder));
    }

    [Fact]
    public void A_page_of_groups_is_the_first_of_what_every_month_lists_and_knows_whether_more_follow()
    {
        var read = new CounterRead("returns.sku.month", PeriodGrain.Month, []);
        CounterRow[] rows = [new(read, "2026-01|B", 1), new(read, "2026-01|D", 1), new(read, "2026-02|A", 1), new(read, "2026-02|B", 1)];

        var (page, more) = GroupPages.Page(rows, null, 2);
        var (whole, none) = GroupPages.Page(rows, null, 3);

        Assert.Equal(["A", "B"], page.Groups);
        Assert.True(more);
        Assert.Equal(["A", "B", "D"], whole.Groups);
        Assert.False(none);
        Assert.False(page.HoldsEveryGroup);
        Assert.True(whole.HoldsEveryGroup);
        Assert.False(GroupPages.Page(rows, "A", 3).Page.HoldsEveryGroup);
    }
}
