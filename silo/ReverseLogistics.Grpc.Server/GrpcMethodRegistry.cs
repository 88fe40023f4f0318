namespace ReverseLogistics.Grpc.Server;

/// <summary>
/// Every bound RPC by path. Construction fails, naming each RPC, when any RPC of a served
/// service has no handler: a server never starts with part of its contract missing.
/// </summary>
internal sealed class GrpcMethodRegistry
{
    private readonly Dictionary<string, ServerMethod> _byPath = new(StringComparer.Ordinal);

    public GrpcMethodRegistry(ServedContract contract, IEnumerable<GrpcServiceRegistration> registrations, IServiceProvider services)
    {
        foreach (var registration in registrations)
        {
            var binder = new ServiceBinder(registration.Descriptor);
            registration.Bind(services, binder);
            foreach (var method in binder.Methods)
            {
                if (!_byPath.TryAdd(method.Path, method))
                    throw new InvalidOperationException($"RPC {method.Path} is bound by more than one service class.");
            }
        }

        var missing = contract.Services
            .SelectMany(s => s.Methods)
            .Select(ServerMethod.PathOf)
            .Where(path => !_byPath.ContainsKey(path))
            .ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"The gRPC server cannot start: {missing.Count} RPC(s) in the served protos have no handler: {string.Join(", ", missing)}.");
    }

    public ServerMethod? Find(string path) => _byPath.GetValueOrDefault(path);
}
