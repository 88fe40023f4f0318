using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ReverseLogistics.Grpc.Server.Health;
using ReverseLogistics.Grpc.Server.Reflection;

namespace ReverseLogistics.Grpc.Server;

public static class GrpcServerExtensions
{
    /// <summary>Adds the gRPC binding with the standard health and reflection services.</summary>
    public static IServiceCollection AddGrpcServer(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        var options = services.AddOptions<GrpcServerOptions>();
        if (configure is not null) options.Configure(configure);

        services.AddSingleton(provider => new ServedContract(
            provider.GetRequiredService<IOptions<GrpcServerOptions>>().Value.ServedFiles
                .Concat(provider.GetServices<GrpcServiceRegistration>().Select(r => r.Descriptor.File))));
        services.AddSingleton<GrpcMethodRegistry>();
        services.AddSingleton<GrpcRequestHandler>();
        services.AddSingleton<HealthStatusRegistry>();
        services.AddGrpcService<HealthService>();
        services.AddGrpcService<ReflectionService>();
        services.AddGrpcService<ReflectionServiceV1Alpha>();
        return services;
    }

    /// <summary>Registers a service class; its proto file becomes part of the served contract.</summary>
    public static IServiceCollection AddGrpcService<T>(this IServiceCollection services) where T : class, IGrpcService
    {
        services.AddSingleton<T>();
        services.AddSingleton(new GrpcServiceRegistration(T.Descriptor,
            (provider, binder) => provider.GetRequiredService<T>().Bind(binder)));
        return services;
    }

    /// <summary>Adds an interceptor; interceptors run in the order they are added.</summary>
    public static IServiceCollection AddGrpcInterceptor<T>(this IServiceCollection services) where T : class, IServerInterceptor
    {
        services.AddSingleton<IServerInterceptor, T>();
        return services;
    }

    /// <summary>
    /// Serves every request as a gRPC call. Binds all RPCs now, so a missing handler stops
    /// the application before it listens.
    /// </summary>
    public static WebApplication MapGrpcServer(this WebApplication app)
    {
        var handler = app.Services.GetRequiredService<GrpcRequestHandler>();
        app.Run(handler.HandleAsync);
        return app;
    }
}
