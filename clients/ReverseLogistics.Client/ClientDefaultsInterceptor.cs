using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ReverseLogistics.Client;

/// <summary>
/// Applies the platform's per-call conventions on the client side, before the channel (and so before
/// its retries: every attempt of a call sends the same request, with the same request id):
/// <list type="bullet">
/// <item>a call that sets no deadline gets the default one (pass <see cref="DateTime.MaxValue"/> for none);</item>
/// <item>a request with an empty <c>request_id</c> string field (the platform's mutations) gets a new id.</item>
/// </list>
/// The request id goes on a clone: the caller's message is never changed, so sending the same message
/// object twice without an id is two requests, not a replay of the first. To retry safely across calls,
/// set <c>request_id</c> yourself. Streaming requests are written after the call starts and are left alone.
/// </summary>
internal sealed class ClientDefaultsInterceptor(TimeSpan? defaultDeadline) : Interceptor
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor?> RequestIdFields = new();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithRequestId(request), WithDeadline(context));

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithRequestId(request), WithDeadline(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithRequestId(request), WithDeadline(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithDeadline(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(WithDeadline(context));

    private ClientInterceptorContext<TRequest, TResponse> WithDeadline<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class
    {
        if (defaultDeadline is not { } timeout || context.Options.Deadline is not null) return context;
        return new(context.Method, context.Host, context.Options.WithDeadline(DateTime.UtcNow + timeout));
    }

    private static TRequest WithRequestId<TRequest>(TRequest request) where TRequest : class
    {
        if (request is not IMessage message || request is not IDeepCloneable<TRequest> cloneable) return request;
        var field = RequestIdFields.GetOrAdd(message.Descriptor, static descriptor =>
            descriptor.FindFieldByName("request_id") is { FieldType: FieldType.String, IsRepeated: false } found ? found : null);
        if (field is null || field.Accessor.GetValue(message) is not "") return request;

        var copy = cloneable.Clone();
        field.Accessor.SetValue((IMessage)copy, Guid.NewGuid().ToString("N"));
        return copy;
    }
}
