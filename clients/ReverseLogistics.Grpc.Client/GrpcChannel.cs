using Google.Protobuf;

namespace ReverseLogistics.Grpc.Client;

/// <summary>
/// A connection to a gRPC server over HTTP/2: h2c for http:// addresses, TLS for https://.
/// Thread-safe; share one per server. Calls are multiplexed over its connections.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    public const string UserAgent = "reverselogistics-dotnet/1.0";

    private GrpcChannel(Uri address, GrpcChannelOptions options)
    {
        Address = address;
        Options = options;
        Invoker = new HttpMessageInvoker(options.HttpHandler ?? new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(20),
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        }, disposeHandler: true);
    }

    public Uri Address { get; }
    public GrpcChannelOptions Options { get; }
    internal HttpMessageInvoker Invoker { get; }

    /// <summary>A channel to "http://host:port", "https://host:port" or plain "host:port" (h2c).</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions? options = null)
    {
        if (!address.Contains("://", StringComparison.Ordinal)) address = "http://" + address;
        return new GrpcChannel(new Uri(address), options ?? new GrpcChannelOptions());
    }

    public AsyncUnaryCall<TResponse> Unary<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options ?? new CallOptions());
        call.StartWithMessage(request);
        return new AsyncUnaryCall<TResponse>(call, call.ReadSingleResponseAsync());
    }

    public AsyncServerStreamingCall<TResponse> ServerStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, TRequest request, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options ?? new CallOptions());
        call.StartWithMessage(request);
        return new AsyncServerStreamingCall<TResponse>(call, call.ReadResponsesAsync());
    }

    public AsyncClientStreamingCall<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options ?? new CallOptions());
        call.StartWithStream();
        return new AsyncClientStreamingCall<TRequest, TResponse>(call, call.RequestStream, call.ReadSingleResponseAsync());
    }

    public AsyncDuplexStreamingCall<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(
        Method<TRequest, TResponse> method, CallOptions? options = null)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var call = new ClientCall<TRequest, TResponse>(this, method, options ?? new CallOptions());
        call.StartWithStream();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call, call.RequestStream, call.ReadResponsesAsync());
    }

    public void Dispose() => Invoker.Dispose();
}
