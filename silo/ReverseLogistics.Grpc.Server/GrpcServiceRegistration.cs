using Google.Protobuf.Reflection;

namespace ReverseLogistics.Grpc.Server;

/// <summary>A service class registered with the server, and how to bind it once the container is built.</summary>
internal sealed record GrpcServiceRegistration(ServiceDescriptor Descriptor, Action<IServiceProvider, ServiceBinder> Bind);
