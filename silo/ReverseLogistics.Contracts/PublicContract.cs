using System.Reflection;
using Google.Protobuf.Reflection;

namespace ReverseLogistics.Contracts;

/// <summary>
/// Every proto file of the public API (package reverselogistics.v1). The silo serves all of
/// them, so an RPC added to a proto without a handler stops the silo at start-up.
/// </summary>
public static class PublicContract
{
    public const string Package = "reverselogistics.v1";

    public static IReadOnlyList<FileDescriptor> Files { get; } = GeneratedFiles()
        .Where(f => f.Package == Package)
        .OrderBy(f => f.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>The file descriptors protoc generated into this assembly (one static *Reflection class per file).</summary>
    private static IEnumerable<FileDescriptor> GeneratedFiles() =>
        typeof(PublicContract).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Reflection", StringComparison.Ordinal))
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>();
}
