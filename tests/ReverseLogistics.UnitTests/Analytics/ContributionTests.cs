using ReverseLogistics.Domain.Analytics;

namespace ReverseLogistics.UnitTests.Analytics;

public sealed class ContributionTests
{
    [Fact]
    public void The_difference_moves_only_the_counters_that_changed_and_takes_back_what_is_gone()
    {
        var before = new Contribution();
        before.Add("n", "a", 2);
        before.Add("n", "b", 1);
        before.Add("n", "c", 5);
        var after = new Contribution();
        after.Add("n", "a", 2);
        after.Add("n", "b", 3);
        after.Add("n", "d", 1);

        Assert.Equal([(new CounterCell("n", "b"), 2L), (new CounterCell("n", "c"), -5L), (new CounterCell("n", "d"), 1L)], Contribution.Diff(before, after));
        Assert.Equal([(new CounterCell("n", "a"), -2L), (new CounterCell("n", "b"), -1L), (new CounterCell("n", "c"), -5L)], Contribution.Diff(before, null));
        Assert.Empty(Contribution.Diff(null, new Contribution()));
    }

    [Fact]
    public void Adding_to_one_counter_sums_and_a_sum_of_zero_is_no_counter()
    {
        var contribution = new Contribution();
        contribution.Add("n", "a", 2);
        contribution.Add("n", "a", 3);
        contribution.Add("n", "b", 1);
        contribution.Add("n", "b", -1);
        contribution.Add("n", "c", 0);

        Assert.Equal(new Dictionary<CounterCell, long> { [new("n", "a")] = 5 }, contribution.Values);
    }
}
