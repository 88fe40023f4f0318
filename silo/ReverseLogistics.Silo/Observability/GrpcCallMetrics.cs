using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Grpc.Core;

namespace ReverseLogistics.Silo.Observability;

/// <summary>
/// Counts of gRPC calls by method and final status, their durations and how many are running.
/// Method labels are bounded: only registered RPCs reach the interceptors that record here.
/// </summary>
public sealed partial class GrpcCallMetrics
{
    private readonly ConcurrentDictionary<(string Method, StatusCode Code), StrongBox<long>> _completed = new();
    private readonly ConcurrentDictionary<string, DurationHistogram> _durations = new();
    private long _inFlight;

    public void Started() => Interlocked.Increment(ref _inFlight);

    public void Finished(string method, StatusCode code, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _completed.GetOrAdd((method, code), _ => new StrongBox<long>()).Value);
        _durations.GetOrAdd(method, _ => new DurationHistogram()).Observe(elapsed.TotalSeconds);
        Interlocked.Decrement(ref _inFlight);
    }

    public void WriteTo(PrometheusText text)
    {
        text.Family("rl_grpc_requests_total", "counter", "gRPC calls completed, by full method name and final status code.");
        foreach (var ((method, code), count) in _completed.OrderBy(e => e.Key.Method, StringComparer.Ordinal).ThenBy(e => e.Key.Code))
            text.Sample("rl_grpc_requests_total", Interlocked.Read(ref count.Value), ("method", method), ("code", CodeName(code)));

        text.Family("rl_grpc_request_duration_seconds", "histogram", "gRPC call duration in seconds, by full method name.");
        foreach (var (method, histogram) in _durations.OrderBy(e => e.Key, StringComparer.Ordinal))
            histogram.WriteTo(text, "rl_grpc_request_duration_seconds", ("method", method));

        text.Family("rl_grpc_requests_in_flight", "gauge", "gRPC calls currently running.");
        text.Sample("rl_grpc_requests_in_flight", Interlocked.Read(ref _inFlight));
    }

    /// <summary>The canonical name gRPC specifies (NOT_FOUND), as other gRPC exporters label it.</summary>
    public static string CodeName(StatusCode code) => code == StatusCode.OK
        ? "OK"
        : WordBoundary().Replace(code.ToString(), "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBoundary();
}
