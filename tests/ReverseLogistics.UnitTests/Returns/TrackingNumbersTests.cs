using ReverseLogistics.Domain.Returns;

namespace ReverseLogistics.UnitTests.Returns;

public sealed class TrackingNumbersTests
{
    [Fact]
    public void A_tracking_number_is_RL_and_sixteen_digits_whose_last_checks_the_others()
    {
        var numbers = Enumerable.Range(0, 200).Select(_ => TrackingNumbers.New()).ToList();

        Assert.All(numbers, number =>
        {
            Assert.Matches("^RL[0-9]{16}$", number);
            var digits = number[2..].Select(c => c - '0').ToArray();
            var weighted = digits.Take(15).Select((d, i) => d * (i % 2 == 0 ? 3 : 1)).Sum();
            Assert.Equal(0, (weighted + digits[15]) % 10);
        });
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(10, numbers.SelectMany(n => n[2..17]).Distinct().Count()); // every digit turns up
    }
}
