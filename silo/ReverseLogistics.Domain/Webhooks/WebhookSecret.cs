using System.Security.Cryptography;

namespace ReverseLogistics.Domain.Webhooks;

/// <summary>An endpoint's signing secret: 32 random bytes, shown once when the endpoint is created or its secret rotated.</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string New() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
