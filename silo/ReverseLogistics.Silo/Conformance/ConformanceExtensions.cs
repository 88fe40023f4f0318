using ReverseLogistics.Grpc.Server;

namespace ReverseLogistics.Silo.Conformance;

public static class ConformanceExtensions
{
    public static IServiceCollection AddConformanceService(this IServiceCollection services)
    {
        services.AddSingleton<ProbeRegistry>();
        return services.AddGrpcService<ConformanceService>();
    }
}
