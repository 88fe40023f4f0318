using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ReverseLogistics.Silo.Interceptors;

/// <summary>
/// A server interceptor that treats the four call shapes alike: <see cref="InterceptAsync"/> wraps the
/// whole call, whatever its shape. Throw <see cref="RpcException"/> to end the call with a status, or
/// await <c>next</c> to run the rest of the pipeline and the handler.
/// </summary>
public abstract class CallInterceptor : Interceptor
{
    protected abstract Task InterceptAsync(ServerCallContext context, Func<Task> next);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        TResponse response = default!;
        await InterceptAsync(context, async () => response = await continuation(request, context));
        return response;
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        TResponse response = default!;
        await InterceptAsync(context, async () => response = await continuation(requestStream, context));
        return response;
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        InterceptAsync(context, () => continuation(request, responseStream, context));

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        InterceptAsync(context, () => continuation(requestStream, responseStream, context));
}
