using System.Diagnostics;
using ReverseLogistics.Grpc;
using ReverseLogistics.Grpc.Server;

namespace ReverseLogistics.Silo.Observability;

/// <summary>
/// Records every call in <see cref="GrpcCallMetrics"/>. Registered first, so it wraps the others
/// and sees the status the client gets: domain errors already mapped, authentication failures,
/// rate limiting.
/// </summary>
public sealed class GrpcMetricsInterceptor(GrpcCallMetrics metrics) : IServerInterceptor
{
    public async Task InterceptAsync(ServerCallContext context, Func<ServerCallContext, Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.Unknown;
        metrics.Started();
        try
        {
            await next(context);
            code = context.DeadlineExceeded ? StatusCode.DeadlineExceeded : StatusCode.OK;
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            throw;
        }
        catch (Exception)
        {
            // The same mapping the binding applies to exceptions that are not statuses.
            code = context.DeadlineExceeded ? StatusCode.DeadlineExceeded
                : context.CancellationToken.IsCancellationRequested ? StatusCode.Cancelled
                : StatusCode.Unknown;
            throw;
        }
        finally
        {
            metrics.Finished(context.Method, code, Stopwatch.GetElapsedTime(started));
        }
    }
}
