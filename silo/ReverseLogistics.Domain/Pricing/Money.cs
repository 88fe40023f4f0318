using System.Text.Json.Serialization;

namespace ReverseLogistics.Domain.Pricing;

/// <summary>
/// An amount in integer minor units (cents, pence; yen has none) of one ISO 4217 currency.
/// Arithmetic refuses to mix currencies. Percentages are decimals and results are rounded
/// half away from zero to the minor unit ("commercial" rounding: 2.5 cents becomes 3 cents),
/// the rule shoppers and merchants expect on a receipt.
/// </summary>
public readonly record struct Money
{
    private readonly string? _currencyCode;

    [JsonConstructor]
    public Money(long minorUnits, string currencyCode)
    {
        MinorUnits = minorUnits;
        _currencyCode = currencyCode;
    }

    public long MinorUnits { get; }

    /// <summary>Empty for <c>default(Money)</c>, which is never a valid amount.</summary>
    public string CurrencyCode => _currencyCode ?? "";

    public static Money Zero(string currencyCode) => new(0, currencyCode);

    public static bool IsValidCurrencyCode(string? code) =>
        code is { Length: 3 } && code.All(c => c is >= 'A' and <= 'Z');

    public static Money operator +(Money a, Money b) => new(checked(a.MinorUnits + b.Same(a).MinorUnits), a.CurrencyCode);

    public static Money operator -(Money a, Money b) => new(checked(a.MinorUnits - b.Same(a).MinorUnits), a.CurrencyCode);

    public Money Times(int quantity) => new(checked(MinorUnits * quantity), CurrencyCode);

    /// <summary><paramref name="percent"/> percent of this amount (12.5m is 12.5 %), rounded half away from zero.</summary>
    public Money Percent(decimal percent) =>
        new((long)Math.Round(MinorUnits * percent / 100m, MidpointRounding.AwayFromZero), CurrencyCode);

    public static Money Min(Money a, Money b) => b.Same(a).MinorUnits < a.MinorUnits ? b : a;

    public static Money Sum(IEnumerable<Money> amounts, string currencyCode) =>
        amounts.Aggregate(Zero(currencyCode), (total, m) => total + m);

    public override string ToString() => $"{MinorUnits} {CurrencyCode} minor units";

    private Money Same(Money other) =>
        CurrencyCode == other.CurrencyCode
            ? this
            : throw new InvalidOperationException($"Cannot combine {CurrencyCode} with {other.CurrencyCode}.");
}
