using System.Security.Cryptography;

namespace ReverseLogistics.Domain.Returns;

/// <summary>
/// Tracking numbers the platform issues for carrier labels until carrier integrations supply
/// their own: "RL" + 16 digits, the last a mod-10 check digit so scanners catch misreads.
/// </summary>
public static class TrackingNumbers
{
    public static string New()
    {
        var digits = new int[16];
        for (var i = 0; i < 15; i++) digits[i] = RandomNumberGenerator.GetInt32(10);
        var sum = 0;
        for (var i = 0; i < 15; i++) sum += digits[i] * (i % 2 == 0 ? 3 : 1);
        digits[15] = (10 - sum % 10) % 10;
        return "RL" + string.Concat(digits);
    }
}
