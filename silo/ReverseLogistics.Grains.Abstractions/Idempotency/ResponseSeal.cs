using System.Security.Cryptography;
using System.Text;

namespace ReverseLogistics.Grains.Idempotency;

/// <summary>
/// Encrypts a recorded first result that holds a secret (a new API key), so the idempotency table
/// never stores it in the clear. The key is derived from the credential of the caller who made the
/// request: only a retry presenting that same credential can replay the result.
/// </summary>
public static class ResponseSeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("rl.idempotency.sealed-response.v1");

    /// <summary>A 256-bit key for one request: from the caller's credential, salted with the request's fingerprint.</summary>
    public static byte[] DeriveKey(string credential, string fingerprint) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(credential), 32, Encoding.UTF8.GetBytes(fingerprint), Purpose);

    /// <summary>nonce ‖ ciphertext ‖ tag; <paramref name="context"/> (the request's identity) is authenticated with it.</summary>
    public static byte[] Seal(byte[] key, byte[] plaintext, string context)
    {
        var sealedBytes = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), Encoding.UTF8.GetBytes(context));
        return sealedBytes;
    }

    /// <summary>The plaintext, or null when the key (that is, the caller's credential) is not the one that sealed it.</summary>
    public static byte[]? TryOpen(byte[] key, byte[] sealedBytes, string context)
    {
        if (sealedBytes.Length < NonceSize + TagSize) return null;
        var plaintext = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plaintext.Length),
                sealedBytes.AsSpan(NonceSize + plaintext.Length), plaintext, Encoding.UTF8.GetBytes(context));
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
