using ReverseLogistics.Actors;
using ReverseLogistics.Silo.Conformance;
using ReverseLogistics.Silo.Observability;
using ReverseLogistics.Silo.Scheduling;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>Builds a silo node: Kestrel on HTTP/2 serving the platform's gRPC contract through Grpc.AspNetCore.</summary>
public static class SiloHost
{
    public static WebApplication Build(SiloOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureSiloKestrel(options);
        // Per-request HTTP logs would drown the gRPC call log and halve throughput.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Clock);
        builder.Services.AddPlatformStorage(options);
        builder.Services.AddActorRuntime();
        builder.Services.AddPlatformApi(options);
        builder.Services.AddPlatformScheduler(options);
        builder.Services.AddPlatformHealth(options);
        if (options.Conformance) builder.Services.AddConformanceService();

        var app = builder.Build();
        app.MapMetrics();
        app.MapPlatformApi();
        if (options.Conformance) app.MapGrpcService<ConformanceService>();
        return app;
    }
}
