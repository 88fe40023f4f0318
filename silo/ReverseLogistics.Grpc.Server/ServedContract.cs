using Google.Protobuf.Reflection;

namespace ReverseLogistics.Grpc.Server;

/// <summary>
/// The proto files the server serves and every service declared in them. Each of those
/// services must have a handler for every RPC; reflection and health describe exactly these.
/// </summary>
public sealed class ServedContract
{
    public ServedContract(IEnumerable<FileDescriptor> files)
    {
        Files = files.DistinctBy(f => f.Name).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        Services = Files.SelectMany(f => f.Services).ToList();
    }

    public IReadOnlyList<FileDescriptor> Files { get; }
    public IReadOnlyList<ServiceDescriptor> Services { get; }
}
