using ReverseLogistics.Contracts;
using ReverseLogistics.Grpc.Server;
using ReverseLogistics.Silo.Conformance;

namespace ReverseLogistics.Silo.Hosting;

/// <summary>Builds a silo node: Kestrel on HTTP/2 serving the platform's gRPC contract.</summary>
public static class SiloHost
{
    public static WebApplication Build(SiloOptions options)
    {
        Directory.CreateDirectory(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureSiloKestrel(options);
        builder.Services.AddGrpcServer(grpc => grpc.ServedFiles.AddRange(PublicContract.Files));
        if (options.Conformance) builder.Services.AddConformanceService();

        var app = builder.Build();
        app.MapGrpcServer();
        return app;
    }
}
