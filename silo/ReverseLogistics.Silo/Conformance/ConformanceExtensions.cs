namespace ReverseLogistics.Silo.Conformance;

public static class ConformanceExtensions
{
    public static IServiceCollection AddConformanceService(this IServiceCollection services)
    {
        services.AddSingleton<ProbeRegistry>();
        return services.AddSingleton<ConformanceService>();
    }
}
