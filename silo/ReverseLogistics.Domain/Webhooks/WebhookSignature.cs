using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ReverseLogistics.Domain.Webhooks;

/// <summary>
/// The RL-Signature header of a webhook delivery: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"&gt;</c>,
/// keyed with the endpoint's secret (docs/webhooks.md). The time is signed too, so a receiver can refuse old replays.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "RL-Signature";

    public static string Header(string secret, long unixSeconds, ReadOnlySpan<byte> body) =>
        $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(Mac(secret, unixSeconds, body))}";

    /// <summary>Whether <paramref name="header"/> signs <paramref name="body"/> with <paramref name="secret"/> at most <paramref name="tolerance"/> from <paramref name="nowUnixSeconds"/>.</summary>
    public static bool Verify(string header, string secret, ReadOnlySpan<byte> body, long nowUnixSeconds, TimeSpan tolerance)
    {
        long? time = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var (name, value) = part.IndexOf('=') is var eq and > 0 ? (part[..eq].Trim(), part[(eq + 1)..].Trim()) : ("", "");
            if (name == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var t)) time = t;
            else if (name == "v1" && value.Length == 64 && value.All(Uri.IsHexDigit)) signatures.Add(Convert.FromHexString(value));
        }
        if (time is not { } signedAt || Math.Abs(nowUnixSeconds - signedAt) > tolerance.TotalSeconds) return false;
        var expected = Mac(secret, signedAt, body);
        return signatures.Any(signature => CryptographicOperations.FixedTimeEquals(signature, expected));
    }

    private static byte[] Mac(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }
}
