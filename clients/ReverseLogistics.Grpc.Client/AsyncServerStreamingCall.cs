namespace ReverseLogistics.Grpc.Client;

/// <summary>A call with one request and a stream of responses, read with await foreach.</summary>
public sealed class AsyncServerStreamingCall<TResponse> : CallHandle
{
    internal AsyncServerStreamingCall(ICallState state, IAsyncEnumerable<TResponse> responses) : base(state) =>
        ResponseStream = responses;

    /// <summary>The responses; ends when the call ends OK, throws <see cref="RpcException"/> otherwise.</summary>
    public IAsyncEnumerable<TResponse> ResponseStream { get; }
}
