using Google.Protobuf.Reflection;

namespace ReverseLogistics.Grpc.Server;

/// <summary>
/// A class that implements one protobuf service: it names the service's descriptor and
/// binds a handler to each of its RPCs.
/// </summary>
public interface IGrpcService
{
    /// <summary>The service implemented, from the generated file descriptor (e.g. HealthReflection.Descriptor).</summary>
    static abstract ServiceDescriptor Descriptor { get; }

    void Bind(ServiceBinder binder);
}
