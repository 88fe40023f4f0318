using System.Diagnostics;
using Grpc.Core;
using ReverseLogistics.Silo.Interceptors;

namespace ReverseLogistics.Silo.Observability;

/// <summary>
/// Records every call in <see cref="GrpcCallMetrics"/>. Registered first, so it wraps the others
/// and sees the status the client gets: domain errors already mapped, authentication failures,
/// rate limiting.
/// </summary>
public sealed class GrpcMetricsInterceptor(GrpcCallMetrics metrics) : CallInterceptor
{
    protected override async Task InterceptAsync(ServerCallContext context, Func<Task> next)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.Unknown;
        metrics.Started();
        try
        {
            await next();
            code = DeadlinePassed(context) ? StatusCode.DeadlineExceeded : StatusCode.OK;
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            throw;
        }
        catch (Exception)
        {
            // What Grpc.AspNetCore answers for exceptions that are not statuses.
            code = DeadlinePassed(context) ? StatusCode.DeadlineExceeded
                : context.CancellationToken.IsCancellationRequested ? StatusCode.Cancelled
                : StatusCode.Unknown;
            throw;
        }
        finally
        {
            metrics.Finished(context.Method, code, Stopwatch.GetElapsedTime(started));
        }
    }

    private static bool DeadlinePassed(ServerCallContext context) => DateTime.UtcNow >= context.Deadline;
}
