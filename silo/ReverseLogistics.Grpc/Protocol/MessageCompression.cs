using System.Buffers;
using System.IO.Compression;

namespace ReverseLogistics.Grpc.Protocol;

/// <summary>The message encodings this platform speaks: identity and gzip.</summary>
public static class MessageCompression
{
    public const string Identity = "identity";
    public const string Gzip = "gzip";

    /// <summary>The grpc-accept-encoding value advertising what we can decode.</summary>
    public const string AcceptEncoding = "identity,gzip";

    public static bool IsSupported(string? encoding) =>
        string.IsNullOrEmpty(encoding) || encoding == Identity || encoding == Gzip;

    /// <summary>True when a peer's grpc-accept-encoding list includes <paramref name="encoding"/>.</summary>
    public static bool Accepts(string? acceptEncoding, string encoding) =>
        acceptEncoding is not null
        && acceptEncoding.Split(',', StringSplitOptions.TrimEntries).Contains(encoding, StringComparer.OrdinalIgnoreCase);

    public static byte[] Compress(string encoding, ReadOnlySpan<byte> data)
    {
        if (encoding != Gzip) throw new ArgumentException($"Cannot compress with '{encoding}'.", nameof(encoding));
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(data);
        return output.ToArray();
    }

    /// <summary>Decompresses, refusing to produce more than <paramref name="maxSize"/> bytes (a zip bomb is RESOURCE_EXHAUSTED).</summary>
    public static byte[] Decompress(string encoding, ReadOnlySequence<byte> data, int maxSize)
    {
        if (encoding != Gzip) throw new RpcException(StatusCode.Internal, $"Cannot decompress a message encoded with '{encoding}'.");
        try
        {
            using var input = new GZipStream(new MemoryStream(data.ToArray()), CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = input.Read(buffer)) > 0)
            {
                if (output.Length + read > maxSize)
                    throw new RpcException(StatusCode.ResourceExhausted,
                        $"Decompressed message is larger than the maximum of {maxSize} bytes.");
                output.Write(buffer, 0, read);
            }
            return output.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new RpcException(StatusCode.Internal, $"Could not decompress a gzip message: {e.Message}");
        }
    }
}
