using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;

namespace ReverseLogistics.FunctionalTests.Support;

/// <summary>Sends hand-made HTTP/2 requests, for protocol cases a well-behaved client never produces.</summary>
public static class RawGrpc
{
    /// <summary>The length-prefix of a gRPC message: a compressed flag and a big-endian length.</summary>
    public const int HeaderSize = 5;

    /// <summary>gRPC's header names, as the wire spells them.</summary>
    public static class Headers
    {
        public const string ContentType = "application/grpc";
        public const string Status = "grpc-status";
        public const string Message = "grpc-message";
        public const string Encoding = "grpc-encoding";
        public const string AcceptEncoding = "grpc-accept-encoding";
        public const string Timeout = "grpc-timeout";
    }

    public sealed record Answer(HttpResponseMessage Response, byte[] Body)
    {
        /// <summary>A header from the trailers, or from the headers of a trailers-only response.</summary>
        public string? Status(string name = Headers.Status) =>
            Response.TrailingHeaders.TryGetValues(name, out var t) ? t.First()
            : Response.Headers.TryGetValues(name, out var h) ? h.First()
            : null;

        public bool IsTrailersOnly => Response.Headers.Contains(Headers.Status) && Body.Length == 0 && !Response.TrailingHeaders.Any();
    }

    public static byte[] Frame(IMessage message) => Frame(0, message.ToByteArray());

    public static byte[] Frame(byte flag, byte[] payload)
    {
        var frame = new byte[HeaderSize + payload.Length];
        frame[0] = flag;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, HeaderSize);
        return frame;
    }

    public static async Task<Answer> SendAsync(string address, string path, byte[] body,
        string contentType = Headers.ContentType, HttpMethod? method = null, params (string Name, string Value)[] headers)
    {
        using var client = new HttpClient(new SocketsHttpHandler());
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, $"http://{address}{path}")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TE.ParseAdd("trailers");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
        return new Answer(response, await response.Content.ReadAsByteArrayAsync());
    }
}
