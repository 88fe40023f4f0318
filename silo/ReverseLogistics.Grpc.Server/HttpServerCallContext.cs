using Microsoft.AspNetCore.Http;

namespace ReverseLogistics.Grpc.Server;

/// <summary>The call context of a call arriving over HTTP/2.</summary>
internal sealed class HttpServerCallContext(
    GrpcCall call, HttpContext http, string method, Metadata requestHeaders, DateTime deadline, CancellationToken cancellationToken)
    : ServerCallContext(method, requestHeaders, deadline, cancellationToken, PeerOf(http))
{
    public override HttpContext HttpContext => http;

    public override bool DeadlineExceeded => call.DeadlineExceeded;

    protected override Task WriteResponseHeadersCoreAsync(Metadata headers) => call.StartResponseAsync(headers);

    private static string PeerOf(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null) return "unknown";
        var family = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "ipv6" : "ipv4";
        return $"{family}:{address}:{http.Connection.RemotePort}";
    }
}
