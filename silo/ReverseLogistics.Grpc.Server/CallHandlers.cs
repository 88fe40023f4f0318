namespace ReverseLogistics.Grpc.Server;

// The four gRPC call shapes. Request streams are IAsyncEnumerable (read with await foreach);
// response streams are IServerStreamWriter.

public delegate Task<TResponse> UnaryHandler<in TRequest, TResponse>(TRequest request, ServerCallContext context);

public delegate Task ServerStreamingHandler<in TRequest, TResponse>(
    TRequest request, IServerStreamWriter<TResponse> responses, ServerCallContext context);

public delegate Task<TResponse> ClientStreamingHandler<TRequest, TResponse>(
    IAsyncEnumerable<TRequest> requests, ServerCallContext context);

public delegate Task DuplexStreamingHandler<TRequest, TResponse>(
    IAsyncEnumerable<TRequest> requests, IServerStreamWriter<TResponse> responses, ServerCallContext context);
