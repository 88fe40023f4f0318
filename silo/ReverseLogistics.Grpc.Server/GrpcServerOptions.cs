using Google.Protobuf.Reflection;

namespace ReverseLogistics.Grpc.Server;

public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted (after decompression); larger is RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest response message sent; a handler producing more ends the call RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = int.MaxValue;

    /// <summary>
    /// Compress responses with gzip when the client compressed its request with gzip and
    /// lists gzip in grpc-accept-encoding; otherwise responses are identity.
    /// </summary>
    public bool MirrorRequestCompression { get; set; } = true;

    /// <summary>
    /// Proto files served besides those of registered services. Every RPC of every service
    /// in these files must have a handler, or the server refuses to start.
    /// </summary>
    public List<FileDescriptor> ServedFiles { get; } = [];
}
