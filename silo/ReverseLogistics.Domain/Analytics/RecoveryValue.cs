namespace ReverseLogistics.Domain.Analytics;

/// <summary>In one currency's minor units: what units were refunded (before fees) and what they recover (<see cref="RecoveryTable"/>).</summary>
public sealed record RecoveryValue(string CurrencyCode, long Refunded, long Recovered)
{
    /// <summary>Recovered per unit of money refunded; null when nothing was refunded.</summary>
    public double? Rate => Refunded == 0 ? null : (double)Recovered / Refunded;
}
