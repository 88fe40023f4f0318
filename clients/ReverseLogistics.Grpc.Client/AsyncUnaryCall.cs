using System.Runtime.CompilerServices;

namespace ReverseLogistics.Grpc.Client;

/// <summary>A call with one request and one response; awaiting it gives the response.</summary>
public sealed class AsyncUnaryCall<TResponse> : CallHandle
{
    internal AsyncUnaryCall(ICallState state, Task<TResponse> response) : base(state) => ResponseAsync = response;

    public Task<TResponse> ResponseAsync { get; }

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();
}
