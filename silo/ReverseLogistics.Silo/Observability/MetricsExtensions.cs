namespace ReverseLogistics.Silo.Observability;

public static class MetricsExtensions
{
    /// <summary>Call counts and durations for every gRPC call; add before any other interceptor so it sees final statuses.</summary>
    public static IServiceCollection AddPlatformMetrics(this IServiceCollection services)
    {
        services.AddSingleton<GrpcCallMetrics>();
        services.AddSingleton<PlatformMetrics>();
        services.AddSingleton<MetricsListener>();
        services.AddSingleton<GrpcMetricsInterceptor>();
        return services;
    }

    /// <summary>
    /// Answers requests on the metrics port: GET /metrics gets the Prometheus text, anything else 404.
    /// Requests on the gRPC port pass through untouched.
    /// </summary>
    public static WebApplication MapMetrics(this WebApplication app)
    {
        var listener = app.Services.GetRequiredService<MetricsListener>();
        var metrics = app.Services.GetRequiredService<PlatformMetrics>();
        app.Use(next => http =>
        {
            if (!listener.Accepted(http)) return next(http);
            if (!HttpMethods.IsGet(http.Request.Method) || http.Request.Path != "/metrics")
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }
            http.Response.ContentType = PrometheusText.ContentType;
            return http.Response.WriteAsync(metrics.Render());
        });
        return app;
    }
}
