using Google.Protobuf.Reflection;

namespace ReverseLogistics.Grpc.Server.Reflection;

/// <summary>The served proto files and their dependencies, indexed by file name and by fully qualified symbol.</summary>
internal sealed class DescriptorIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FieldDescriptor>> _extensionsByType = new(StringComparer.Ordinal);

    public DescriptorIndex(ServedContract contract)
    {
        ServiceNames = contract.Services.Select(s => s.FullName).Order(StringComparer.Ordinal).ToList();
        foreach (var file in contract.Files) AddFile(file);
    }

    public IReadOnlyList<string> ServiceNames { get; }

    public FileDescriptor? FindFile(string name) => _files.GetValueOrDefault(name);

    public FileDescriptor? FindFileContainingSymbol(string symbol) => _symbols.GetValueOrDefault(symbol);

    public FileDescriptor? FindFileContainingExtension(string type, int number) =>
        _extensionsByType.GetValueOrDefault(type)?.FirstOrDefault(e => e.FieldNumber == number)?.File;

    /// <summary>The extension numbers declared for a message type, or null when the type is unknown.</summary>
    public IReadOnlyList<int>? ExtensionNumbersOf(string type) =>
        _symbols.ContainsKey(type)
            ? _extensionsByType.GetValueOrDefault(type)?.Select(e => e.FieldNumber).Order().ToList() ?? []
            : null;

    /// <summary>The file followed by every file it imports, directly or not; each once.</summary>
    public static IEnumerable<FileDescriptor> WithDependencies(FileDescriptor file)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<FileDescriptor>([file]);
        while (pending.TryDequeue(out var next))
        {
            if (!seen.Add(next.Name)) continue;
            yield return next;
            foreach (var dependency in next.Dependencies) pending.Enqueue(dependency);
        }
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file)) return;
        foreach (var dependency in file.Dependencies) AddFile(dependency);

        foreach (var service in file.Services)
        {
            _symbols[service.FullName] = file;
            foreach (var method in service.Methods) _symbols[$"{service.FullName}.{method.Name}"] = file;
        }
        foreach (var message in file.MessageTypes) AddMessage(message);
        foreach (var enumType in file.EnumTypes) _symbols[enumType.FullName] = file;
        foreach (var extension in file.Extensions.UnorderedExtensions) AddExtension(extension);
    }

    private void AddMessage(MessageDescriptor message)
    {
        _symbols[message.FullName] = message.File;
        foreach (var nested in message.NestedTypes) AddMessage(nested);
        foreach (var enumType in message.EnumTypes) _symbols[enumType.FullName] = message.File;
        foreach (var extension in message.Extensions.UnorderedExtensions) AddExtension(extension);
    }

    private void AddExtension(FieldDescriptor extension)
    {
        _symbols[extension.FullName] = extension.File;
        var extendee = extension.ExtendeeType.FullName;
        if (!_extensionsByType.TryGetValue(extendee, out var list)) _extensionsByType[extendee] = list = [];
        list.Add(extension);
    }
}
