using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Grpc.Core;

namespace ReverseLogistics.Silo.Observability;

/// <summary>
/// gRPC calls by method and final status, their durations and how many are running. Method labels
/// are bounded: only registered RPCs reach the interceptor that records here.
/// </summary>
public sealed partial class GrpcCallMetrics
{
    private static readonly double[] DurationBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _completed;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _inFlight;

    public GrpcCallMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(PlatformTelemetry.MeterName);
        _completed = meter.CreateCounter<long>("rl.grpc.requests", "{call}", "gRPC calls completed, by full method name and final status code.");
        _duration = meter.CreateHistogram<double>("rl.grpc.request.duration", "s", "gRPC call duration, by full method name.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _inFlight = meter.CreateUpDownCounter<long>("rl.grpc.requests.in_flight", "{call}", "gRPC calls currently running.");
    }

    public void Started() => _inFlight.Add(1);

    public void Finished(string method, StatusCode code, TimeSpan elapsed)
    {
        var methodTag = new KeyValuePair<string, object?>("method", method);
        _completed.Add(1, methodTag, new KeyValuePair<string, object?>("code", CodeName(code)));
        _duration.Record(elapsed.TotalSeconds, methodTag);
        _inFlight.Add(-1);
    }

    /// <summary>The canonical name gRPC specifies (NOT_FOUND), as other gRPC exporters label it.</summary>
    public static string CodeName(StatusCode code) => code == StatusCode.OK
        ? "OK"
        : WordBoundary().Replace(code.ToString(), "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBoundary();
}
