namespace ReverseLogistics.Grpc.Server;

/// <summary>
/// Wraps every call (all four shapes) before its handler runs: the seam for logging,
/// authentication and rate limiting. Throw <see cref="RpcException"/> to end the call
/// with a status; call <paramref name="next"/> to continue.
/// </summary>
public interface IServerInterceptor
{
    Task InterceptAsync(ServerCallContext context, Func<ServerCallContext, Task> next);
}
