using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using ReverseLogistics.Grpc.Protocol;

namespace ReverseLogistics.Grpc.Server;

/// <summary>Writes a call's status and trailing metadata into trailers, or into the headers of a trailers-only response.</summary>
internal static class StatusHeaders
{
    public static void Write(IHeaderDictionary target, Status status, Metadata trailers)
    {
        target[GrpcHeaders.Status] = ((int)status.Code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (status.Detail.Length > 0) target[GrpcHeaders.Message] = StatusMessageEncoding.Encode(status.Detail);
        if (status.ToRpcStatus() is { } rpcStatus)
            target[GrpcHeaders.StatusDetails] = Convert.ToBase64String(rpcStatus.ToByteArray());
        foreach (var entry in trailers)
            target.Append(entry.Key, MetadataCodec.EncodeValue(entry));
    }

    /// <summary>Answers with a trailers-only response: one HEADERS frame carrying the status, no body.</summary>
    public static Task WriteTrailersOnlyAsync(HttpResponse response, Status status, Metadata? trailers = null)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcHeaders.ContentType;
        Write(response.Headers, status, trailers ?? new Metadata());
        return response.CompleteAsync();
    }
}
