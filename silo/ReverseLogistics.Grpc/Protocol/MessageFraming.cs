using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace ReverseLogistics.Grpc.Protocol;

/// <summary>
/// Writes length-prefixed messages: a compressed-flag byte, a 4-byte big-endian length,
/// then the (possibly compressed) protobuf bytes.
/// </summary>
public static class MessageFraming
{
    public const int HeaderSize = 5;

    /// <summary>Frames <paramref name="message"/> into <paramref name="output"/>; compresses when <paramref name="encoding"/> is gzip.</summary>
    public static void Write(IBufferWriter<byte> output, IMessage message, string? encoding, int maxMessageSize)
    {
        var size = message.CalculateSize();
        if (size > maxMessageSize)
            throw new RpcException(StatusCode.ResourceExhausted,
                $"Sending message larger than the maximum: {size} vs. {maxMessageSize} bytes.");

        if (string.IsNullOrEmpty(encoding) || encoding == MessageCompression.Identity)
        {
            var span = output.GetSpan(HeaderSize + size);
            WriteHeader(span, compressed: false, size);
            message.WriteTo(span.Slice(HeaderSize, size));
            output.Advance(HeaderSize + size);
            return;
        }

        var compressed = MessageCompression.Compress(encoding, message.ToByteArray());
        var target = output.GetSpan(HeaderSize + compressed.Length);
        WriteHeader(target, compressed: true, compressed.Length);
        compressed.CopyTo(target[HeaderSize..]);
        output.Advance(HeaderSize + compressed.Length);
    }

    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }
}
