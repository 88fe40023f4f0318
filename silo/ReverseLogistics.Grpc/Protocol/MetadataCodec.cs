namespace ReverseLogistics.Grpc.Protocol;

/// <summary>Turns metadata entries into HTTP/2 header values and back (base64 for -bin keys).</summary>
public static class MetadataCodec
{
    public static string EncodeValue(Metadata.Entry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.Bytes) : entry.Value;

    /// <summary>Decodes one header; null when it is protocol-reserved or malformed (such headers are not call metadata).</summary>
    public static Metadata.Entry? TryDecode(string name, string value)
    {
        if (GrpcHeaders.IsReserved(name)) return null;
        try
        {
            return Metadata.IsBinaryKey(name)
                ? Metadata.Entry.Binary(name, DecodeBase64(value))
                : Metadata.Entry.Ascii(name, value);
        }
        catch (FormatException) { return null; }
        catch (ArgumentException) { return null; }
    }

    /// <summary>Base64 as gRPC peers send it: padded or unpadded.</summary>
    public static byte[] DecodeBase64(string value)
    {
        value = value.Trim();
        var padding = (4 - value.Length % 4) % 4;
        return Convert.FromBase64String(padding == 0 ? value : value + new string('=', padding));
    }
}
