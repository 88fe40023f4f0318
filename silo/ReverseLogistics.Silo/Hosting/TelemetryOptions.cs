using OpenTelemetry.Trace;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>Telemetry export beyond the admin port's Prometheus endpoint.</summary>
public sealed record TelemetryOptions
{
    /// <summary>OTLP (gRPC) collector for traces and metrics, e.g. http://127.0.0.1:4317; none when null.</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary>Turns tracing on and adds to it in-process (tests add an in-memory exporter); the command line never sets it.</summary>
    public Action<TracerProviderBuilder>? ConfigureTracing { get; init; }
}
