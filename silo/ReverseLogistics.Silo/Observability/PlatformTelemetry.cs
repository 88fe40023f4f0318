namespace ReverseLogistics.Silo.Observability;

/// <summary>The names the silo's own meter and trace source are published under.</summary>
public static class PlatformTelemetry
{
    /// <summary>The meter of the rl.* instruments (gRPC calls, actors, the store).</summary>
    public const string MeterName = "ReverseLogistics";

    /// <summary>The service name in traces and in Prometheus' target_info.</summary>
    public const string ServiceName = "reverse-logistics-silo";
}
