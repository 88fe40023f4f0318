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
        Span<char> number = stackalloc char[18];
        number[0] = 'R';
        number[1] = 'L';
        var digits = number[2..];
        RandomNumberGenerator.GetItems("0123456789", digits[..15]);
        var sum = 0;
        for (var i = 0; i < 15; i++) sum += (digits[i] - '0') * (i % 2 == 0 ? 3 : 1);
        digits[15] = (char)('0' + (10 - sum % 10) % 10);
        return new string(number);
    }
}
