using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;

namespace ReverseLogistics.Grpc.Protocol;

/// <summary>
/// Reads length-prefixed messages from a pipe. Every protocol fault becomes an
/// <see cref="RpcException"/> with the status a gRPC peer expects, never a crash.
/// </summary>
public sealed class MessageReader(PipeReader input, string? encoding, int maxMessageSize)
{
    /// <summary>The next message, or null when the stream ended cleanly between messages.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        while (true)
        {
            var result = await input.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            var examined = buffer.End;
            try
            {
                if (TryReadFrame(ref buffer, out var compressed, out var payload))
                {
                    examined = buffer.Start;
                    return Parse(parser, compressed, payload);
                }
                if (result.IsCompleted)
                {
                    if (buffer.Length == 0) return null;
                    throw new RpcException(StatusCode.Internal,
                        $"Incomplete message: the stream ended inside a frame ({buffer.Length} bytes left over).");
                }
                if (result.IsCanceled) throw new OperationCanceledException(cancellationToken);
            }
            finally
            {
                input.AdvanceTo(buffer.Start, examined);
            }
        }
    }

    private bool TryReadFrame(ref ReadOnlySequence<byte> buffer, out bool compressed, out ReadOnlySequence<byte> payload)
    {
        compressed = false;
        payload = default;
        if (buffer.Length < MessageFraming.HeaderSize) return false;

        Span<byte> header = stackalloc byte[MessageFraming.HeaderSize];
        buffer.Slice(0, MessageFraming.HeaderSize).CopyTo(header);
        compressed = header[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new RpcException(StatusCode.Internal, $"Invalid compressed-flag byte {header[0]} in message frame."),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > maxMessageSize)
            throw new RpcException(StatusCode.ResourceExhausted,
                $"Received message larger than the maximum: {length} vs. {maxMessageSize} bytes.");
        if (buffer.Length < MessageFraming.HeaderSize + length) return false;

        payload = buffer.Slice(MessageFraming.HeaderSize, length);
        buffer = buffer.Slice(payload.End);
        return true;
    }

    private T Parse<T>(MessageParser<T> parser, bool compressed, ReadOnlySequence<byte> payload) where T : class, IMessage<T>
    {
        if (compressed)
        {
            if (string.IsNullOrEmpty(encoding) || encoding == MessageCompression.Identity)
                throw new RpcException(StatusCode.Internal, "A message is flagged compressed but the call has no grpc-encoding.");
            payload = new ReadOnlySequence<byte>(MessageCompression.Decompress(encoding, payload, maxMessageSize));
        }
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(StatusCode.Internal, $"Could not decode a {typeof(T).Name} message: {e.Message}");
        }
    }
}
