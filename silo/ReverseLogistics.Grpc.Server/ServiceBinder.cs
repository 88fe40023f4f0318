using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace ReverseLogistics.Grpc.Server;

/// <summary>
/// Binds handlers to the RPCs of one service descriptor, checking each handler's message
/// types and call shape against the descriptor so a mismatch fails at start-up, not on a call.
/// </summary>
public sealed class ServiceBinder(ServiceDescriptor service)
{
    private readonly Dictionary<string, ServerMethod> _methods = new();

    public ServiceDescriptor Service { get; } = service;
    internal IReadOnlyCollection<ServerMethod> Methods => _methods.Values;

    public ServiceBinder Unary<TRequest, TResponse>(string name, UnaryHandler<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var method = Resolve<TRequest, TResponse>(name, clientStreaming: false, serverStreaming: false);
        var parser = ParserFor<TRequest>(method);
        return Add(method, async call =>
        {
            var request = await call.ReadSingleAsync(parser);
            var response = await handler(request, call.Context);
            await call.WriteAsync(response);
        });
    }

    public ServiceBinder ServerStreaming<TRequest, TResponse>(string name, ServerStreamingHandler<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var method = Resolve<TRequest, TResponse>(name, clientStreaming: false, serverStreaming: true);
        var parser = ParserFor<TRequest>(method);
        return Add(method, async call =>
        {
            var request = await call.ReadSingleAsync(parser);
            await handler(request, call.ResponseStream<TResponse>(), call.Context);
        });
    }

    public ServiceBinder ClientStreaming<TRequest, TResponse>(string name, ClientStreamingHandler<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var method = Resolve<TRequest, TResponse>(name, clientStreaming: true, serverStreaming: false);
        var parser = ParserFor<TRequest>(method);
        return Add(method, async call =>
        {
            var response = await handler(call.ReadAllAsync(parser), call.Context);
            await call.WriteAsync(response);
        });
    }

    public ServiceBinder DuplexStreaming<TRequest, TResponse>(string name, DuplexStreamingHandler<TRequest, TResponse> handler)
        where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
    {
        var method = Resolve<TRequest, TResponse>(name, clientStreaming: true, serverStreaming: true);
        var parser = ParserFor<TRequest>(method);
        return Add(method, call => handler(call.ReadAllAsync(parser), call.ResponseStream<TResponse>(), call.Context));
    }

    private ServiceBinder Add(MethodDescriptor method, Func<GrpcCall, Task> invoke)
    {
        if (!_methods.TryAdd(method.Name, new ServerMethod(method, invoke)))
            throw new InvalidOperationException($"RPC {ServerMethod.PathOf(method)} is bound twice.");
        return this;
    }

    private MethodDescriptor Resolve<TRequest, TResponse>(string name, bool clientStreaming, bool serverStreaming)
    {
        var method = Service.FindMethodByName(name)
            ?? throw new InvalidOperationException($"Service {Service.FullName} has no RPC named '{name}'.");
        var path = ServerMethod.PathOf(method);
        if (method.IsClientStreaming != clientStreaming || method.IsServerStreaming != serverStreaming)
            throw new InvalidOperationException(
                $"RPC {path} is {Shape(method.IsClientStreaming, method.IsServerStreaming)} but was bound as {Shape(clientStreaming, serverStreaming)}.");
        if (method.InputType.ClrType != typeof(TRequest) || method.OutputType.ClrType != typeof(TResponse))
            throw new InvalidOperationException(
                $"RPC {path} takes {method.InputType.ClrType.Name} and returns {method.OutputType.ClrType.Name}, " +
                $"but its handler takes {typeof(TRequest).Name} and returns {typeof(TResponse).Name}.");
        return method;
    }

    private static MessageParser<T> ParserFor<T>(MethodDescriptor method) where T : IMessage<T> =>
        (MessageParser<T>)method.InputType.Parser;

    private static string Shape(bool clientStreaming, bool serverStreaming) => (clientStreaming, serverStreaming) switch
    {
        (false, false) => "unary",
        (false, true) => "server streaming",
        (true, false) => "client streaming",
        (true, true) => "bidirectional streaming",
    };
}
