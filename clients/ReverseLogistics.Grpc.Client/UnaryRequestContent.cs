using System.Buffers;
using System.Net.Http.Headers;
using Google.Protobuf;
using ReverseLogistics.Grpc.Protocol;

namespace ReverseLogistics.Grpc.Client;

/// <summary>The body of a call with one request message: that message, framed.</summary>
internal static class UnaryRequestContent
{
    public static HttpContent Create(IMessage message, string? encoding, int maxMessageSize)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MessageFraming.Write(buffer, message, encoding, maxMessageSize);
        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue(GrpcHeaders.ContentType);
        return content;
    }
}
