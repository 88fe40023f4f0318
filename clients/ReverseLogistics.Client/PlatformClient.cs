using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using ReverseLogistics.V1;

namespace ReverseLogistics.Client;

/// <summary>
/// The platform's gRPC API: one client per service, sharing one channel. Thread-safe; create one per
/// silo address and share it. Every call through the service clients gets the conventions of
/// <see cref="PlatformClientOptions"/>: the API key, the default deadline, retries of UNAVAILABLE,
/// and a request id for mutations that carry none.
/// </summary>
public sealed class PlatformClient : IDisposable
{
    // Attempt n waits a random time up to min(InitialBackoff * Multiplier^(n-1), MaxBackoff) before it starts.
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private const double BackoffMultiplier = 2;

    public PlatformClient(PlatformClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options.MaxAttempts));

        var address = ParseAddress(options.Address);
        Channel = GrpcChannel.ForAddress(address, ChannelOptions(address, options));
        CallInvoker = Channel.Intercept(new ClientDefaultsInterceptor(options.DefaultDeadline));

        Tenants = new TenantAdminService.TenantAdminServiceClient(CallInvoker);
        Policies = new ReturnPolicyService.ReturnPolicyServiceClient(CallInvoker);
        Returns = new ReturnsService.ReturnsServiceClient(CallInvoker);
        Network = new NetworkService.NetworkServiceClient(CallInvoker);
        Receiving = new ReceivingService.ReceivingServiceClient(CallInvoker);
        Events = new EventsService.EventsServiceClient(CallInvoker);
        Webhooks = new WebhookService.WebhookServiceClient(CallInvoker);
        Pickups = new PickupService.PickupServiceClient(CallInvoker);
        Cluster = new ClusterService.ClusterServiceClient(CallInvoker);
        Sales = new SalesService.SalesServiceClient(CallInvoker);
        Analytics = new AnalyticsService.AnalyticsServiceClient(CallInvoker);
        Health = new Health.HealthClient(CallInvoker);
    }

    public TenantAdminService.TenantAdminServiceClient Tenants { get; }
    public ReturnPolicyService.ReturnPolicyServiceClient Policies { get; }
    public ReturnsService.ReturnsServiceClient Returns { get; }
    public NetworkService.NetworkServiceClient Network { get; }
    public ReceivingService.ReceivingServiceClient Receiving { get; }
    public PickupService.PickupServiceClient Pickups { get; }
    public EventsService.EventsServiceClient Events { get; }
    public WebhookService.WebhookServiceClient Webhooks { get; }
    /// <summary>The cluster's silos and store, for operators.</summary>
    public ClusterService.ClusterServiceClient Cluster { get; }
    public SalesService.SalesServiceClient Sales { get; }
    public AnalyticsService.AnalyticsServiceClient Analytics { get; }
    /// <summary>The standard grpc.health.v1 service.</summary>
    public Health.HealthClient Health { get; }

    /// <summary>
    /// The channel with the SDK's per-call conventions (default deadline, request ids) in front of it:
    /// build a client for any other service on it to get them too.
    /// </summary>
    public CallInvoker CallInvoker { get; }

    /// <summary>
    /// The underlying channel. It carries the API key and the retry policy; clients built directly on
    /// it skip the per-call conventions of <see cref="CallInvoker"/>.
    /// </summary>
    public GrpcChannel Channel { get; }

    public void Dispose() => Channel.Dispose();

    /// <summary>"host:port" means "http://host:port"; anything with a scheme is taken as it is.</summary>
    private static Uri ParseAddress(string address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var uri = new Uri(address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address);
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            throw new ArgumentException($"The platform address '{address}' must be host:port or an http:// or https:// URL.", nameof(address));
        return uri;
    }

    private static GrpcChannelOptions ChannelOptions(Uri address, PlatformClientOptions options)
    {
        var channelOptions = new GrpcChannelOptions();
        if (options.ApiKey is { } key)
        {
            var bearer = CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("authorization", $"Bearer {key}");
                return Task.CompletedTask;
            });
            var secure = address.Scheme == Uri.UriSchemeHttps;
            channelOptions.Credentials = ChannelCredentials.Create(secure ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure, bearer);
            // Call credentials are otherwise dropped on plain HTTP/2; the platform serves h2c on trusted networks.
            channelOptions.UnsafeUseInsecureChannelCallCredentials = !secure;
        }
        if (options.MaxAttempts > 1)
        {
            channelOptions.MaxRetryAttempts = options.MaxAttempts;
            channelOptions.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = options.MaxAttempts,
                            InitialBackoff = InitialBackoff,
                            MaxBackoff = MaxBackoff,
                            BackoffMultiplier = BackoffMultiplier,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            };
        }
        return channelOptions;
    }
}
