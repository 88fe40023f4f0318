using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ReverseLogistics.Grpc.Server.Logging;

/// <summary>Logs each call's method, outcome and duration: failures at Information, successes at Debug.</summary>
public sealed class CallLoggingInterceptor(ILogger<CallLoggingInterceptor> logger) : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, Func<ServerCallContext, Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
            logger.LogDebug("gRPC {Method} from {Peer} OK in {ElapsedMs:0.0} ms",
                context.Method, context.Peer, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (RpcException e)
        {
            logger.LogInformation("gRPC {Method} from {Peer} {StatusCode} in {ElapsedMs:0.0} ms: {Detail}",
                context.Method, context.Peer, e.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.Status.Detail);
            throw;
        }
    }
}
