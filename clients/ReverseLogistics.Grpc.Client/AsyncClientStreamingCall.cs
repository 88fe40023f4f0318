using System.Runtime.CompilerServices;

namespace ReverseLogistics.Grpc.Client;

/// <summary>A call with a stream of requests and one response.</summary>
public sealed class AsyncClientStreamingCall<TRequest, TResponse> : CallHandle
{
    internal AsyncClientStreamingCall(ICallState state, IClientStreamWriter<TRequest> requests, Task<TResponse> response)
        : base(state)
    {
        RequestStream = requests;
        ResponseAsync = response;
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }
    public Task<TResponse> ResponseAsync { get; }

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}
