using ReverseLogistics.Actors;
using ReverseLogistics.Contracts;
using ReverseLogistics.Grpc.Server;
using ReverseLogistics.Grpc.Server.Logging;
using ReverseLogistics.Silo.Errors;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Network;
using ReverseLogistics.Silo.Observability;
using ReverseLogistics.Silo.Pickups;
using ReverseLogistics.Silo.Policies;
using ReverseLogistics.Silo.RateLimiting;
using ReverseLogistics.Silo.Receiving;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Silo.Routing;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.Silo.Tenants;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Postgres;
using ReverseLogistics.Storage.Sqlite;

namespace ReverseLogistics.Silo.Hosting;

public static class PlatformServiceExtensions
{
    /// <summary>The store of record chosen by the options, migrated before anything else starts.</summary>
    public static IServiceCollection AddPlatformStorage(this IServiceCollection services, SiloOptions options)
    {
        services.AddSingleton<IActorStore>(provider => options.Store switch
        {
            StoreKind.Postgres => new PostgresActorStore(options.PostgresConnectionString!, provider.GetRequiredService<ILogger<PostgresActorStore>>()),
            _ => new SqliteActorStore(options.DataDirectory, provider.GetRequiredService<ILogger<SqliteActorStore>>()),
        });
        services.AddHostedService<StoreMigrationService>();
        return services;
    }

    /// <summary>The public API: its services and the interceptors every call passes (in this order).</summary>
    public static IServiceCollection AddPlatformApi(this IServiceCollection services, SiloOptions options)
    {
        AccessPolicy.RequireDeclaredRoles(PublicContract.Files);
        services.AddGrpcServer(grpc => grpc.ServedFiles.AddRange(PublicContract.Files));
        services.AddPlatformMetrics();
        services.AddGrpcInterceptor<CallLoggingInterceptor>();
        services.AddGrpcInterceptor<DomainErrorInterceptor>();
        services.AddGrpcInterceptor<AuthenticationInterceptor>();
        services.AddGrpcInterceptor<RateLimitInterceptor>();

        services.AddSingleton(new SecurityOptions { OperatorKey = options.OperatorKey });
        services.AddSingleton<KeyRingCache>();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<IdempotentRequests>();
        services.AddHostedService<OperatorKeyBootstrap>();
        services.AddHostedService<IdempotencyPurgeService>();

        services.AddSingleton<TenantDirectory>();
        services.AddGrpcService<TenantAdminService>();
        services.AddGrpcService<ReturnPolicyService>();

        services.AddSingleton<NetworkSnapshot>();
        services.AddSingleton<NetworkDirectory>();
        services.AddSingleton<IReturnRouter, NetworkReturnRouter>();
        services.AddGrpcService<NetworkService>();

        services.AddSingleton<CustomerHistories>();
        services.AddSingleton<ReturnDirectory>();
        services.AddGrpcService<ReturnsService>();

        services.AddSingleton<ParcelLookup>();
        services.AddGrpcService<ReceivingService>();

        services.AddSingleton<PickupBooker>();
        services.AddSingleton<PickupDirectory>();
        services.AddGrpcService<PickupService>();
        return services;
    }
}
