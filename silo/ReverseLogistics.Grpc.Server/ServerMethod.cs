using Google.Protobuf.Reflection;

namespace ReverseLogistics.Grpc.Server;

/// <summary>One bound RPC: its descriptor and how to run a call of it.</summary>
internal sealed record ServerMethod(MethodDescriptor Descriptor, Func<GrpcCall, Task> Invoke)
{
    public string Path => PathOf(Descriptor);

    public static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";
}
