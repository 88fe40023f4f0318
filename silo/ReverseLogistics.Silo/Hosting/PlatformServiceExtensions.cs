using ReverseLogistics.Grains.Returns;
using ReverseLogistics.Grains.Network;
using ReverseLogistics.Grains.Tenants;
using ReverseLogistics.Contracts;
using ReverseLogistics.Silo.Analytics;
using ReverseLogistics.Silo.Errors;
using ReverseLogistics.Silo.Limits;
using ReverseLogistics.Silo.Events;
using ReverseLogistics.Silo.Health;
using ReverseLogistics.Silo.Interceptors;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Network;
using ReverseLogistics.Silo.Observability;
using ReverseLogistics.Silo.Pickups;
using ReverseLogistics.Silo.Policies;
using ReverseLogistics.Silo.RateLimiting;
using ReverseLogistics.Silo.Receiving;
using ReverseLogistics.Silo.Returns;
using ReverseLogistics.Silo.Sales;
using ReverseLogistics.Silo.Routing;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.Silo.Tenants;
using ReverseLogistics.Silo.Webhooks;
using ReverseLogistics.Grains.Webhooks;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.Postgres;
using ReverseLogistics.Storage.Sqlite;

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ReverseLogistics.Silo.Hosting;

public static class PlatformServiceExtensions
{
    /// <summary>
    /// The grain types every node caches (key rings for authentication, the network for routing): only their
    /// commits are announced to the other nodes. Everything else lives in its one activation.
    /// </summary>
    public static readonly IReadOnlySet<string> CachedOnEveryNode = new HashSet<string>
    {
        TenantGrain.TypeName, FulfillmentCenterGrain.TypeName, CarrierGrain.TypeName, TenantContractGrain.TypeName,
    };

    /// <summary>The store of record chosen by the options, migrated before anything else starts.</summary>
    public static IServiceCollection AddPlatformStorage(this IServiceCollection services, SiloOptions options)
    {
        services.AddSingleton<IActorStore>(provider => options.Store switch
        {
            StoreKind.Postgres => new PostgresActorStore(options.PostgresConnectionString!, provider.GetRequiredService<ILogger<PostgresActorStore>>(),
                CachedOnEveryNode),
            _ => new SqliteActorStore(options.DataDirectory, provider.GetRequiredService<ILogger<SqliteActorStore>>()),
        });
        services.AddHostedService<StoreMigrationService>();
        return services;
    }

    /// <summary>The public API: its services and the interceptors every call passes (in this order).</summary>
    public static IServiceCollection AddPlatformApi(this IServiceCollection services, SiloOptions options)
    {
        AccessPolicy.RequireDeclaredRoles(PublicContract.Files);
        // In the order every call passes them. Singletons: the rate limiter holds the buckets, and none keeps
        // per-call state (an interceptor missing from the container would be built anew for every call).
        Type[] interceptors =
        [
            typeof(GrpcMetricsInterceptor), typeof(CallLoggingInterceptor), typeof(RequestLimitsInterceptor), typeof(DomainErrorInterceptor),
            typeof(AuthenticationInterceptor), typeof(RateLimitInterceptor),
        ];
        foreach (var interceptor in interceptors) services.AddSingleton(interceptor);
        services.AddGrpc(grpc =>
        {
            foreach (var interceptor in interceptors) grpc.Interceptors.Add(interceptor);
        });
        services.AddGrpcReflection();

        services.AddSingleton(new SecurityOptions { OperatorKey = options.OperatorKey });
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<IdempotentRequests>();
        services.AddHostedService<OperatorKeyBootstrap>();
        services.AddHostedService<IdempotencyPurgeService>();

        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<TenantAdminService>();
        services.AddSingleton<ReturnPolicyService>();

        services.AddSingleton<NetworkDirectory>();
        services.AddSingleton<NetworkService>();

        services.AddSingleton<CustomerHistories>();
        services.AddSingleton<ReturnDirectory>();
        services.AddSingleton<ReturnsService>();

        services.AddSingleton<ParcelLookup>();
        services.AddSingleton<InventoryDirectory>();
        services.AddSingleton<ReceivingService>();

        services.AddSingleton<PickupDirectory>();
        services.AddSingleton<PickupService>();

        services.AddSingleton<SalesService>();
        services.AddSingleton<AnalyticsDirectory>();
        services.AddSingleton<CenterMetricsScope>();
        services.AddSingleton<AnalyticsService>();
        services.AddSingleton<AnalyticsBackfill>();
        services.AddHostedService(provider => provider.GetRequiredService<AnalyticsBackfill>());

        services.AddSingleton<EventFeedSignal>();
        services.AddSingleton<EventFeed>();
        services.AddSingleton<EventsService>();

        services.AddWebhookClient(options);
        services.AddSingleton<IWebhookPublisher, WebhookPublisher>();
        services.AddSingleton(WebhookDeliveryOptions.Default);
        services.AddSingleton<WebhookDirectory>();
        services.AddSingleton<WebhookService>();
        services.AddHostedService<WebhookDispatcher>();

        services.AddSingleton<Cluster.ClusterService>();
        return services;
    }

    /// <summary>
    /// grpc.health.v1 backed by real checks (the store answers, the scheduler runs, the node is not
    /// stopping), answered from the publisher's cached results so a Check does no I/O. Each served
    /// service has a status of its own, as has the whole server (""). Register after the scheduler.
    /// </summary>
    public static IServiceCollection AddPlatformHealth(this IServiceCollection services, SiloOptions options)
    {
        services.AddGrpcHealthChecks(health =>
            {
                health.UseHealthChecksCache = true;
                foreach (var service in ServedServices(options)) health.Services.Map(service, _ => true);
            })
            .AddCheck<StoreHealthCheck>("store")
            .AddQuartz(Scheduling.PlatformScheduler.Name, quartz => quartz.Name = "scheduler")
            .AddCheck<LifecycleHealthCheck>(LifecycleHealthCheck.Name);
        services.Configure<HealthCheckPublisherOptions>(publisher => publisher.Period = options.HealthCheckPeriod);
        services.AddHostedService<HealthPublishing>();
        return services;
    }

    /// <summary>Serves the public API, reflection (v1 and v1alpha) and health on the gRPC endpoint.</summary>
    public static WebApplication MapPlatformApi(this WebApplication app)
    {
        app.MapGrpcService<TenantAdminService>();
        app.MapGrpcService<ReturnPolicyService>();
        app.MapGrpcService<NetworkService>();
        app.MapGrpcService<ReturnsService>();
        app.MapGrpcService<ReceivingService>();
        app.MapGrpcService<PickupService>();
        app.MapGrpcService<SalesService>();
        app.MapGrpcService<AnalyticsService>();
        app.MapGrpcService<EventsService>();
        app.MapGrpcService<WebhookService>();
        app.MapGrpcService<Cluster.ClusterService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        return app;
    }

    /// <summary>The full names of the services this node serves, health reports one status each.</summary>
    private static IEnumerable<string> ServedServices(SiloOptions options)
    {
        string[] standard = ["", "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection"];
        var served = standard.Concat(PublicContract.Files.SelectMany(f => f.Services).Select(s => s.FullName));
        return options.Conformance ? served.Append(Testing.V1.ConformanceReflection.Descriptor.Services[0].FullName) : served;
    }
}
