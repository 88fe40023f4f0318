using ReverseLogistics.Domain.Analytics;

namespace ReverseLogistics.UnitTests.Analytics;

/// <summary>Every group with its reasons ranked by its units returned, or by how many more came back than in the period before.</summary>
public sealed class ReturnReasonsRankingTests
{
    // In group order, as ReturnReasonsReport.Build gives them: growth +3, -2, +3, 0, +1.
    private static readonly ReasonsGroup[] Groups =
    [
        Group("A", units: 5, before: 2),
        Group("B", units: 7, before: 9),
        Group("C", units: 3, before: 0),
        Group("D", units: 4, before: 4),
        Group("E", units: 7, before: 6),
    ];

    private static ReasonsGroup Group(string name, long units, long before) =>
        new(name, units, [new ReasonShare("wrong_size", units, 1)], 0, before, null);

    [Theory]
    [InlineData(ReasonsOrder.UnitsReturned, "B E A D C")]
    [InlineData(ReasonsOrder.Growth, "A C E")]
    public void Groups_come_highest_first_equal_ones_in_group_order_and_growth_only_of_those_that_grew(ReasonsOrder order, string expected)
    {
        var ranked = ReturnReasonsRanking.Top(Groups, order, count: 10);

        Assert.Equal(expected, string.Join(' ', ranked.Select(g => g.Group)));
    }

    [Fact]
    public void Only_as_many_as_asked_and_each_with_its_reasons()
    {
        var topTwo = ReturnReasonsRanking.Top(Groups, ReasonsOrder.UnitsReturned, count: 2);

        Assert.Equal([("B", 7L), ("E", 7L)], topTwo.Select(g => (g.Group, g.Reasons.Single().Units)));
    }
}
