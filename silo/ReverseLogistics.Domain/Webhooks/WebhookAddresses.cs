namespace ReverseLogistics.Domain.Webhooks;

/// <summary>
/// Which IP addresses (as their 4 or 16 bytes) webhooks may reach unless the operator allows private ones: not
/// loopback, private (RFC 1918), shared (100.64/10), link-local, unique-local (fc00::/7), unspecified, multicast or
/// broadcast. An IPv4 address mapped into IPv6 is judged as the IPv4 address.
/// </summary>
public static class WebhookAddresses
{
    public static bool IsPublic(ReadOnlySpan<byte> address) => address.Length switch
    {
        4 => IsPublicV4(address),
        16 when IsV4Mapped(address) => IsPublicV4(address[12..]),
        16 => IsPublicV6(address),
        _ => false,
    };

    /// <summary>The bytes of the URL's host when it is a literal IPv4 or IPv6 address; null for a name.</summary>
    public static byte[]? ParseLiteral(Uri url) => url.HostNameType switch
    {
        UriHostNameType.IPv4 => [.. url.Host.Split('.').Select(byte.Parse)],
        UriHostNameType.IPv6 => ParseV6(url.Host.Trim('[', ']')),
        _ => null,
    };

    private static bool IsPublicV4(ReadOnlySpan<byte> a) => !(
        a[0] is 0 or 10 or 127 || a[0] >= 224 // this network, private, loopback, multicast and reserved (incl. broadcast)
        || (a[0] == 100 && (a[1] & 0xC0) == 64) // shared address space
        || (a[0] == 169 && a[1] == 254) // link-local
        || (a[0] == 172 && (a[1] & 0xF0) == 16)
        || (a[0] == 192 && a[1] == 168));

    private static bool IsPublicV6(ReadOnlySpan<byte> a)
    {
        if (a[..15].IndexOfAnyExcept((byte)0) < 0 && a[15] is 0 or 1) return false; // :: and ::1
        return !((a[0] & 0xFE) == 0xFC // unique-local fc00::/7
            || (a[0] == 0xFE && (a[1] & 0xC0) == 0x80) // link-local fe80::/10
            || a[0] == 0xFF); // multicast
    }

    private static bool IsV4Mapped(ReadOnlySpan<byte> a) => a[..10].IndexOfAnyExcept((byte)0) < 0 && a[10] == 0xFF && a[11] == 0xFF;

    /// <summary>An IPv6 literal as Uri has already accepted it (so well formed), to its 16 bytes.</summary>
    private static byte[] ParseV6(string text)
    {
        var scope = text.IndexOf('%');
        if (scope >= 0) text = text[..scope];
        var halves = text.Split("::");
        var head = Groups(halves[0]);
        var tail = halves.Length > 1 ? Groups(halves[1]) : [];
        var bytes = new byte[16];
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, 16 - tail.Length);
        return bytes;
    }

    private static byte[] Groups(string text)
    {
        if (text.Length == 0) return [];
        var result = new List<byte>();
        foreach (var group in text.Split(':'))
        {
            if (group.Contains('.')) result.AddRange(group.Split('.').Select(byte.Parse)); // a trailing dotted IPv4 part
            else
            {
                var value = Convert.ToUInt16(group, 16);
                result.Add((byte)(value >> 8));
                result.Add((byte)value);
            }
        }
        return [.. result];
    }
}
