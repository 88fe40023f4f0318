using ReverseLogistics.Domain.Errors;

namespace ReverseLogistics.Domain.Webhooks;

/// <summary>
/// What a webhook URL may be (docs/webhooks.md): absolute http or https, no user name or password in it, at most
/// <see cref="MaxLength"/> characters. The address it reaches is checked by <see cref="WebhookAddresses"/>, here for
/// literal addresses and localhost, and again for every address a name resolves to when a delivery connects.
/// </summary>
public static class WebhookUrl
{
    public const int MaxLength = 2048;

    /// <summary>The URL, or the reason it is refused.</summary>
    public static (Uri? Url, string? Problem) Check(string text, bool allowPrivate)
    {
        if (text.Length == 0) return (null, "required: an http:// or https:// URL");
        if (text.Length > MaxLength) return (null, $"at most {MaxLength} characters");
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
            return (null, "an absolute http:// or https:// URL");
        if (url.UserInfo.Length > 0) return (null, "no user name or password in the URL (the signature authenticates deliveries)");
        if (!allowPrivate && IsPrivateHost(url)) return (null, "a public address: loopback, private, link-local and unique-local addresses are refused");
        return (url, null);
    }

    /// <summary>Whether the URL names localhost or a literal address that is not public.</summary>
    public static bool IsPrivateHost(Uri url)
    {
        var host = url.IdnHost.TrimEnd('.');
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return WebhookAddresses.ParseLiteral(url) is { } address && !WebhookAddresses.IsPublic(address);
    }

    /// <summary>Adds the URL's violation, if any, under <paramref name="field"/>.</summary>
    public static Uri? Validate(Validator v, string field, string text, bool allowPrivate)
    {
        var (url, problem) = Check(text, allowPrivate);
        v.Require(problem is null, field, problem ?? "");
        return url;
    }
}
