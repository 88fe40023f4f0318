using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ReverseLogistics.Silo.Health;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Observability;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry: the rl.* meter, ASP.NET Core (gRPC calls arrive as HTTP/2 requests), .NET runtime,
    /// process and Npgsql metrics, read by the Prometheus scrape endpoint on the admin port; traces from
    /// the caller's W3C traceparent through the gRPC call to the store. Traces and metrics are also
    /// exported over OTLP when an endpoint is configured.
    /// </summary>
    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, SiloOptions options)
    {
        services.AddSingleton<GrpcCallMetrics>();
        services.AddSingleton<PlatformMetrics>();
        services.AddSingleton<AdminListener>();
        var otlp = options.Telemetry.OtlpEndpoint;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(PlatformTelemetry.ServiceName, serviceInstanceId: options.NodeName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PlatformTelemetry.MeterName, "Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddProcessInstrumentation()
                    .AddNpgsqlInstrumentation()
                    // Scrapes read fresh figures; Prometheus' own interval is the rate limit.
                    .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp is not null) metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
            });
        if (otlp is not null || options.Telemetry.ConfigureTracing is not null)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation()
                    .AddSource(StoreTracing.SourceName)
                    // Orleans' grain-call spans (with activity propagation on, see OrleansExtensions).
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                    .AddNpgsql();
                if (otlp is not null) tracing.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                options.Telemetry.ConfigureTracing?.Invoke(tracing);
            });
        }
        return services;
    }

    /// <summary>
    /// The admin port's endpoints: /metrics (Prometheus text), /healthz (live: the process answers) and
    /// /readyz (ready: the store answers, the scheduler runs, the node is not stopping); anything else 404.
    /// Requests on the gRPC port pass through untouched.
    /// </summary>
    public static WebApplication MapAdminEndpoints(this WebApplication app)
    {
        var listener = app.Services.GetRequiredService<AdminListener>();
        app.MapWhen(listener.Accepted, admin =>
        {
            admin.UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == "/metrics");
            admin.UseHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
            admin.UseHealthChecks("/readyz", new HealthCheckOptions { Predicate = _ => true });
            admin.UseRouting();
            admin.UseEndpoints(endpoints => endpoints.MapGet(Cluster.ClusterView.Path, Cluster.ClusterView.GetAsync));
            admin.Run(http =>
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        });
        // The observable instruments exist once their owner does.
        app.Services.GetRequiredService<PlatformMetrics>();
        return app;
    }
}
