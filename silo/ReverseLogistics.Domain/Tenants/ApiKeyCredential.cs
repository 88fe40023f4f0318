using System.Security.Cryptography;
using System.Text;

namespace ReverseLogistics.Domain.Tenants;

/// <summary>
/// A full API key, "rl.&lt;tenant&gt;.&lt;key id&gt;.&lt;secret&gt;". The tenant and key id say where to
/// look the key up; only a SHA-256 hash of the 256-bit secret is ever stored.
/// </summary>
public sealed record ApiKeyCredential(string TenantId, string KeyId, string Secret)
{
    private const string Prefix = "rl";

    public static ApiKeyCredential Generate(string tenantId) =>
        new(tenantId, "k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), Base64Url(RandomNumberGenerator.GetBytes(32)));

    public static bool TryParse(string value, out ApiKeyCredential credential)
    {
        credential = null!;
        var parts = value.Split('.');
        if (parts.Length != 4 || parts[0] != Prefix || parts.Any(p => p.Length == 0)) return false;
        credential = new ApiKeyCredential(parts[1], parts[2], parts[3]);
        return true;
    }

    public string SecretHash => HashOf(Secret);

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares in constant time, so response timing reveals nothing about the stored hash.</summary>
    public bool Matches(string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SecretHash), Encoding.ASCII.GetBytes(secretHash));

    public override string ToString() => $"{Prefix}.{TenantId}.{KeyId}.{Secret}";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
