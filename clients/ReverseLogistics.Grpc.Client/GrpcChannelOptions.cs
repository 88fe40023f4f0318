namespace ReverseLogistics.Grpc.Client;

public sealed record GrpcChannelOptions
{
    /// <summary>Largest response message accepted; larger ends the call RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; init; } = 4 * 1024 * 1024;
    public int MaxSendMessageSize { get; init; } = int.MaxValue;
    /// <summary>Metadata sent with every call (e.g. authorization), before each call's own headers.</summary>
    public Metadata? DefaultHeaders { get; init; }
    /// <summary>A handler of your own (TLS settings, proxies); by default a SocketsHttpHandler speaking h2c or TLS.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }
}
