using System.Diagnostics;
using Grpc.Core;

namespace ReverseLogistics.Silo.Interceptors;

/// <summary>Logs each call's method, outcome and duration: failures at Information, successes at Debug.</summary>
public sealed partial class CallLoggingInterceptor(ILogger<CallLoggingInterceptor> logger) : CallInterceptor
{
    protected override async Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
            // Peer is formatted on every read; successes are logged only at Debug.
            if (logger.IsEnabled(LogLevel.Debug)) LogSucceeded(context.Method, context.Peer, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (RpcException e)
        {
            LogFailed(context.Method, context.Peer, e.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.Status.Detail);
            throw;
        }
    }

    [LoggerMessage(LogLevel.Debug, "gRPC {Method} from {Peer} OK in {ElapsedMs:0.0} ms")]
    private partial void LogSucceeded(string method, string peer, double elapsedMs);

    [LoggerMessage(LogLevel.Information, "gRPC {Method} from {Peer} {StatusCode} in {ElapsedMs:0.0} ms: {Detail}")]
    private partial void LogFailed(string method, string peer, StatusCode statusCode, double elapsedMs, string detail);
}
