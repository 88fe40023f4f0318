using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReverseLogistics.Grpc.Protocol;

namespace ReverseLogistics.Grpc.Server;

/// <summary>
/// The terminal request handler: checks that a request is a gRPC call, finds its RPC and
/// runs it through the interceptors. Anything that is not a well-formed call gets the
/// HTTP or gRPC answer the protocol prescribes.
/// </summary>
internal sealed class GrpcRequestHandler(
    GrpcMethodRegistry registry,
    IEnumerable<IServerInterceptor> interceptors,
    IOptions<GrpcServerOptions> options,
    ILogger<GrpcRequestHandler> logger)
{
    private readonly IServerInterceptor[] _interceptors = interceptors.ToArray();

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpProtocol.IsHttp2(request.Protocol))
        {
            await RejectAsync(http, StatusCodes.Status426UpgradeRequired, "gRPC requires HTTP/2.");
            return;
        }
        if (!HttpMethods.IsPost(request.Method))
        {
            await RejectAsync(http, StatusCodes.Status405MethodNotAllowed, "gRPC calls use POST.");
            return;
        }
        if (!GrpcHeaders.IsGrpcContentType(request.ContentType))
        {
            await RejectAsync(http, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/grpc.");
            return;
        }

        // A stream may stay open for as long as its call does and carry any number of messages.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxBody) maxBody.MaxRequestBodySize = null;
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate) minRate.MinDataRate = null;

        var path = request.Path.Value ?? "";
        var method = registry.Find(path);
        if (method is null)
        {
            await StatusHeaders.WriteTrailersOnlyAsync(http.Response, new Status(StatusCode.Unimplemented, $"Method not found: {path}"));
            return;
        }

        var encoding = request.Headers[GrpcHeaders.Encoding].ToString();
        if (!MessageCompression.IsSupported(encoding))
        {
            http.Response.Headers[GrpcHeaders.AcceptEncoding] = MessageCompression.AcceptEncoding;
            await StatusHeaders.WriteTrailersOnlyAsync(http.Response, new Status(StatusCode.Unimplemented,
                $"Message encoding '{encoding}' is not supported; supported: {MessageCompression.AcceptEncoding}."));
            return;
        }

        var timeoutHeader = request.Headers[GrpcHeaders.Timeout].ToString();
        TimeSpan? timeout = null;
        if (timeoutHeader.Length > 0)
        {
            if (GrpcTimeout.TryParse(timeoutHeader, out var parsed)) timeout = parsed;
            else logger.LogWarning("gRPC {Method}: ignoring malformed grpc-timeout '{Timeout}'", path, timeoutHeader);
        }

        using var call = new GrpcCall(http, method, options.Value, logger, timeout,
            encoding.Length == 0 ? null : encoding, ReadMetadata(request.Headers));
        await call.RunAsync(Pipeline(method, call));
    }

    private Func<ServerCallContext, Task> Pipeline(ServerMethod method, GrpcCall call)
    {
        Func<ServerCallContext, Task> next = _ => method.Invoke(call);
        for (var i = _interceptors.Length - 1; i >= 0; i--)
        {
            var interceptor = _interceptors[i];
            var inner = next;
            next = context => interceptor.InterceptAsync(context, inner);
        }
        return next;
    }

    private static Metadata ReadMetadata(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            foreach (var value in values)
            {
                // Binary values may arrive comma-joined when a peer folds repeated headers.
                var parts = Metadata.IsBinaryKey(name) ? value!.Split(',') : [value!];
                foreach (var part in parts)
                {
                    if (MetadataCodec.TryDecode(name, part) is { } entry) metadata.Add(entry);
                }
            }
        }
        return metadata;
    }

    private static Task RejectAsync(HttpContext http, int statusCode, string message)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync(message + "\n");
    }
}
