using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ReverseLogistics.Grpc.Client;

/// <summary>An RPC as a client calls it: its path and how to read its responses.</summary>
public sealed class Method<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
{
    private Method(string path, MessageParser<TResponse> responseParser)
    {
        Path = path;
        ResponseParser = responseParser;
    }

    /// <summary>"/package.Service/Method".</summary>
    public string Path { get; }
    public MessageParser<TResponse> ResponseParser { get; }

    /// <summary>The RPC <paramref name="name"/> of <paramref name="service"/>, checked against its message types.</summary>
    public static Method<TRequest, TResponse> From(ServiceDescriptor service, string name)
    {
        var method = service.FindMethodByName(name)
            ?? throw new ArgumentException($"Service {service.FullName} has no RPC named '{name}'.", nameof(name));
        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
            throw new ArgumentException(
                $"RPC {service.FullName}/{name} takes {method.InputType.ClrType.Name} and returns {method.OutputType.ClrType.Name}.");
        return new Method<TRequest, TResponse>($"/{service.FullName}/{name}", (MessageParser<TResponse>)method.OutputType.Parser);
    }

    /// <summary>A method by raw path, for calling RPCs that have no descriptor here (or do not exist).</summary>
    public static Method<TRequest, TResponse> FromPath(string path, MessageParser<TResponse> responseParser) =>
        new(path, responseParser);

    public override string ToString() => Path;
}
