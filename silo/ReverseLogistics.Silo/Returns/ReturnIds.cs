using System.Security.Cryptography;

namespace ReverseLogistics.Silo.Returns;

/// <summary>
/// Return ids that sort by creation time: "rma-" + 10 Crockford base-32 characters of the
/// millisecond clock + 6 random ones. Listing newest first is then ordering by id.
/// </summary>
public static class ReturnIds
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New(DateTimeOffset now)
    {
        Span<char> id = stackalloc char[16];
        var time = now.ToUnixTimeMilliseconds();
        for (var i = 9; i >= 0; i--, time >>= 5) id[i] = Alphabet[(int)(time & 31)];
        Span<byte> random = stackalloc byte[6];
        RandomNumberGenerator.Fill(random);
        for (var i = 0; i < 6; i++) id[10 + i] = Alphabet[random[i] & 31];
        return "rma-" + new string(id);
    }

    public static bool IsWellFormed(string id) =>
        id.Length == 20 && id.StartsWith("rma-", StringComparison.Ordinal) && id.AsSpan(4).IndexOfAnyExcept(Alphabet) < 0;
}
