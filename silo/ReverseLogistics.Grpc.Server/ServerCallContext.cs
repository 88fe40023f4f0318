using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;

namespace ReverseLogistics.Grpc.Server;

/// <summary>
/// What a handler knows about its call. The binding creates one per request; tests may
/// construct one directly to call a service without a server.
/// </summary>
public class ServerCallContext(
    string method,
    Metadata requestHeaders,
    DateTime deadline,
    CancellationToken cancellationToken,
    string peer = "local")
{
    private int _headersWritten;

    /// <summary>The full method path, e.g. "/grpc.health.v1.Health/Check".</summary>
    public string Method { get; } = method;
    /// <summary>The RPC's descriptor (its options say, for example, which roles may call it).</summary>
    public MethodDescriptor? MethodDescriptor { get; init; }
    public string Peer { get; } = peer;
    /// <summary>UTC; <see cref="DateTime.MaxValue"/> when the client set no deadline.</summary>
    public DateTime Deadline { get; } = deadline;
    /// <summary>Fires when the deadline passes or the client cancels.</summary>
    public CancellationToken CancellationToken { get; } = cancellationToken;
    /// <summary>True once the call's deadline has passed (as opposed to the client cancelling).</summary>
    public virtual bool DeadlineExceeded => false;
    public Metadata RequestHeaders { get; } = requestHeaders;
    /// <summary>Headers sent with <see cref="WriteResponseHeadersAsync"/>, or null before that.</summary>
    public Metadata? ResponseHeaders { get; private set; }
    /// <summary>Metadata sent in the trailers, after the status.</summary>
    public Metadata ResponseTrailers { get; } = new();
    /// <summary>State that interceptors pass to handlers (e.g. the authenticated principal).</summary>
    public IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
    /// <summary>The HTTP request behind the call, when there is one.</summary>
    public virtual HttpContext? HttpContext => null;

    /// <summary>Sends the response headers now, before any message; at most once per call.</summary>
    public Task WriteResponseHeadersAsync(Metadata headers)
    {
        if (Interlocked.Exchange(ref _headersWritten, 1) == 1)
            throw new InvalidOperationException("Response headers can only be written once per call.");
        ResponseHeaders = headers;
        return WriteResponseHeadersCoreAsync(headers);
    }

    protected virtual Task WriteResponseHeadersCoreAsync(Metadata headers) => Task.CompletedTask;
}
