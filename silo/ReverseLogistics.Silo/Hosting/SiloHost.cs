using ReverseLogistics.Actors;
using ReverseLogistics.Grpc.Server;
using ReverseLogistics.Silo.Conformance;
using ReverseLogistics.Silo.Observability;
using ReverseLogistics.Silo.Scheduling;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>Builds a silo node: Kestrel on HTTP/2 serving the platform's gRPC contract.</summary>
public static class SiloHost
{
    public static WebApplication Build(SiloOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureSiloKestrel(options);
        // Per-request HTTP logs would drown the gRPC call log and halve throughput.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Clock);
        builder.Services.AddPlatformStorage(options);
        builder.Services.AddActorRuntime();
        builder.Services.AddPlatformApi(options);
        builder.Services.AddPlatformScheduler(options);
        if (options.Conformance) builder.Services.AddConformanceService();

        var app = builder.Build();
        app.MapMetrics();
        app.MapGrpcServer();
        return app;
    }
}
