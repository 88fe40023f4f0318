using ReverseLogistics.Grains;
using ReverseLogistics.Silo.Conformance;
using ReverseLogistics.Silo.Observability;
using ReverseLogistics.Silo.Scheduling;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>Builds a silo node: Kestrel on HTTP/2 serving the platform's gRPC contract through Grpc.AspNetCore.</summary>
public static class SiloHost
{
    /// <param name="configuration">Where the options came from; its Logging section, if any, configures logging.</param>
    public static WebApplication Build(SiloOptions options, IConfiguration? configuration = null)
    {
        var dataDirectoryLock = DataDirectoryLock.Acquire(options.DataDirectory);
        try
        {
            return Build(options, configuration, dataDirectoryLock);
        }
        catch
        {
            dataDirectoryLock.Dispose();
            throw;
        }
    }

    private static WebApplication Build(SiloOptions options, IConfiguration? configuration, DataDirectoryLock dataDirectoryLock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (configuration is not null) builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.ConfigureSiloKestrel(options);
        builder.Logging.ConfigureSiloLogging(options);
        // Built by a factory so the container owns it: disposing the app releases the lock.
        builder.Services.AddSingleton(_ => dataDirectoryLock);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new PlatformClock(options.Clock));
        builder.Services.AddPlatformTelemetry(options);
        // The store first: its migrations create the membership tables the Orleans silo needs in cluster mode.
        builder.Services.AddPlatformStorage(options);
        builder.UseOrleans(silo => silo.ConfigurePlatformSilo(options));
        builder.Services.AddSingleton<NodeFatalErrorHandler>();
        builder.Services.AddSingleton<Orleans.Runtime.IFatalErrorHandler>(provider => provider.GetRequiredService<NodeFatalErrorHandler>());
        builder.Services.AddPlatformApi(options);
        builder.Services.AddPlatformScheduler(options);
        builder.Services.AddPlatformHealth(options);
        if (options.Conformance) builder.Services.AddConformanceService();

        var app = builder.Build();
        app.Services.GetRequiredService<DataDirectoryLock>();
        app.MapAdminEndpoints();
        app.MapPlatformApi();
        if (options.Conformance) app.MapGrpcService<ConformanceService>();
        return app;
    }

    private static void ConfigureSiloLogging(this ILoggingBuilder logging, SiloOptions options)
    {
        if (options.LogFormat == LogFormat.Json) logging.ClearProviders().AddJsonConsole();
        logging.AddFilter("Orleans", LogLevel.Warning);
        // Orleans places every new activation through a Polly pipeline that logs each attempt at Information:
        // two lines per new grain, which cost more than the placement itself.
        logging.AddFilter("Polly", LogLevel.Warning);
        // Its first check after start measures from an uninitialised timestamp and warns of an hour-long stall.
        logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        // Per-request HTTP logs would drown the gRPC call log and halve throughput.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Grpc.AspNetCore", LogLevel.Warning);
        // A failed start is reported by the command in one line; the host's own report is a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
    }
}
