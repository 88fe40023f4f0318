namespace ReverseLogistics.Grpc.Client;

/// <summary>A call with a stream of requests and a stream of responses, flowing independently.</summary>
public sealed class AsyncDuplexStreamingCall<TRequest, TResponse> : CallHandle
{
    internal AsyncDuplexStreamingCall(ICallState state, IClientStreamWriter<TRequest> requests, IAsyncEnumerable<TResponse> responses)
        : base(state)
    {
        RequestStream = requests;
        ResponseStream = responses;
    }

    public IClientStreamWriter<TRequest> RequestStream { get; }
    public IAsyncEnumerable<TResponse> ResponseStream { get; }
}
