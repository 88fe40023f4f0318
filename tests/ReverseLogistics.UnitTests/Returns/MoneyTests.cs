using ReverseLogistics.Domain.Pricing;
using static ReverseLogistics.Testing.Samples;

namespace ReverseLogistics.UnitTests.Returns;

public sealed class MoneyTests
{
    [Fact]
    public void Adds_and_subtracts_in_one_currency()
    {
        Assert.Equal(Usd(3_50), Usd(2_00) + Usd(1_50));
        Assert.Equal(Usd(-50), Usd(1_00) - Usd(1_50));
        Assert.Equal(Usd(6_00), Usd(2_00).Times(3));
    }

    [Fact]
    public void Refuses_to_mix_currencies()
    {
        Assert.Throws<InvalidOperationException>(() => Usd(1_00) + new Money(1_00, "EUR"));
        Assert.Throws<InvalidOperationException>(() => Usd(1_00) - new Money(1_00, "EUR"));
        Assert.Throws<InvalidOperationException>(() => Money.Min(Usd(1_00), new Money(1_00, "EUR")));
    }

    [Theory]
    [InlineData(25, 10, 3)]      // 2.5 rounds half away from zero, up
    [InlineData(35, 10, 4)]      // banker's rounding would give 4 here too, but 2 for the 25 case above
    [InlineData(24, 10, 2)]
    [InlineData(1999, 12.5, 250)] // 249.875
    [InlineData(-25, 10, -3)]
    [InlineData(1000, 0, 0)]
    [InlineData(1000, 100, 1000)]
    public void Percent_rounds_half_away_from_zero(long cents, double percent, long expected) =>
        Assert.Equal(Usd(expected), Usd(cents).Percent((decimal)percent));

    [Fact]
    public void Percent_of_a_large_amount_stays_exact() =>
        Assert.Equal(Usd(1_000_000_000_000_01), Usd(2_000_000_000_000_01).Percent(50));

    [Theory]
    [InlineData("USD", true)]
    [InlineData("JPY", true)]
    [InlineData("usd", false)]
    [InlineData("US", false)]
    [InlineData("USDD", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Currency_codes_are_three_upper_case_letters(string? code, bool valid) =>
        Assert.Equal(valid, Money.IsValidCurrencyCode(code));

    [Fact]
    public void Default_money_has_an_empty_currency_not_null() => Assert.Equal("", default(Money).CurrencyCode);

    [Fact]
    public void Sums_to_zero_in_the_currency_when_empty() => Assert.Equal(Money.Zero("EUR"), Money.Sum([], "EUR"));

    [Fact]
    public void Overflow_throws_instead_of_wrapping() =>
        Assert.Throws<OverflowException>(() => Usd(long.MaxValue) + Usd(1));
}
