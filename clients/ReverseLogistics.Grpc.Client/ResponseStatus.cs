using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using ReverseLogistics.Grpc.Protocol;

namespace ReverseLogistics.Grpc.Client;

/// <summary>Reads a call's status and metadata from response headers or trailers.</summary>
internal static class ResponseStatus
{
    private static readonly TypeRegistry KnownDetails = TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor);

    /// <summary>The status in <paramref name="headers"/>, or null when they carry none.</summary>
    public static Status? Read(HttpHeaders headers)
    {
        var code = First(headers, GrpcHeaders.Status);
        if (code is null) return null;
        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return new Status(StatusCode.Internal, $"The server sent an unreadable grpc-status '{code}'.");
        var detail = StatusMessageEncoding.Decode(First(headers, GrpcHeaders.Message));
        return new Status((StatusCode)value, detail, ReadDetails(First(headers, GrpcHeaders.StatusDetails)));
    }

    public static Metadata ReadMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                if (MetadataCodec.TryDecode(name, value) is { } entry) metadata.Add(entry);
            }
        }
        return metadata;
    }

    /// <summary>The status a gRPC client reports for a non-200 HTTP answer (grpc/grpc doc/http-grpc-status-mapping.md).</summary>
    public static Status FromHttpStatus(HttpStatusCode httpStatus)
    {
        var code = httpStatus switch
        {
            HttpStatusCode.BadRequest => StatusCode.Internal,
            HttpStatusCode.Unauthorized => StatusCode.Unauthenticated,
            HttpStatusCode.Forbidden => StatusCode.PermissionDenied,
            HttpStatusCode.NotFound => StatusCode.Unimplemented,
            HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout => StatusCode.Unavailable,
            _ => StatusCode.Unknown,
        };
        return new Status(code, $"Bad gRPC response. HTTP status code: {(int)httpStatus}");
    }

    private static IReadOnlyList<IMessage> ReadDetails(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded)) return [];
        try
        {
            var rpcStatus = Google.Rpc.Status.Parser.ParseFrom(MetadataCodec.DecodeBase64(encoded));
            return rpcStatus.Details.Select(any => any.Unpack(KnownDetails) ?? (IMessage)any).ToList();
        }
        catch (Exception e) when (e is FormatException or InvalidProtocolBufferException)
        {
            return [];
        }
    }

    private static string? First(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
