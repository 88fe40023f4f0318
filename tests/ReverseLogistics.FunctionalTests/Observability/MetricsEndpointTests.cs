using System.Net;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Observability;

/// <summary>
/// /metrics on a real silo, scraped over real HTTP/1.1 after real gRPC calls. Meters are process-wide, so
/// these run alone (<see cref="MetricsCollection"/>): no other silo in the test process counts calls meanwhile.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private const string OperatorKey = "rl-test-operator-key-metrics";
    private const string CreateTenantMethod = "/reverselogistics.v1.TenantAdminService/CreateTenant";
    private const string GetTenantMethod = "/reverselogistics.v1.TenantAdminService/GetTenant";
    private const string ListTenantsMethod = "/reverselogistics.v1.TenantAdminService/ListTenants";

    private InProcessSilo _silo = null!;
    private readonly HttpClient _http = new();

    private PlatformClient Client => _silo.Client;
    private CallOptions Operator => As(OperatorKey);

    public async Task InitializeAsync() =>
        _silo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = OperatorKey, AdminPort = 0 });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task Calls_are_counted_by_method_and_final_status()
    {
        var before = await ScrapeAsync();

        await Client.Tenants.CreateTenantAsync(NewTenant(), Operator);
        await Client.Tenants.CreateTenantAsync(NewTenant(), Operator);
        var notFound = await FailsAsync(Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = "t-nobody-here" }, Operator));
        var unauthenticated = await FailsAsync(Client.Tenants.ListTenantsAsync(new ListTenantsRequest(), As("rl.acme.k1.not-a-secret")));

        var after = await ScrapeAsync();
        Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, unauthenticated.StatusCode);
        Assert.Equal(2, Increase(before, after, "rl_grpc_requests_total", ("method", CreateTenantMethod), ("code", "OK")));
        Assert.Equal(1, Increase(before, after, "rl_grpc_requests_total", ("method", GetTenantMethod), ("code", "NOT_FOUND")));
        Assert.Equal(0, Increase(before, after, "rl_grpc_requests_total", ("method", GetTenantMethod), ("code", "OK")));
        Assert.Equal(1, Increase(before, after, "rl_grpc_requests_total", ("method", ListTenantsMethod), ("code", "UNAUTHENTICATED")));
        Assert.Equal(0, after.Value("rl_grpc_requests_in_flight"));
    }

    [Fact]
    public async Task The_duration_histogram_counts_every_call_in_cumulative_buckets()
    {
        var before = await ScrapeAsync();
        await Client.Tenants.CreateTenantAsync(NewTenant(), Operator);
        await FailsAsync(Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = "t-nobody-here" }, Operator));
        await FailsAsync(Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = "t-nobody-either" }, Operator));

        var after = await ScrapeAsync();
        Assert.Equal("histogram", after.Types["rl_grpc_request_duration_seconds"]);
        Assert.Equal(1, Increase(before, after, "rl_grpc_request_duration_seconds_count", ("method", CreateTenantMethod)));
        Assert.Equal(2, Increase(before, after, "rl_grpc_request_duration_seconds_count", ("method", GetTenantMethod)));
        Assert.True(after.Value("rl_grpc_request_duration_seconds_sum", ("method", GetTenantMethod)) > 0);

        var buckets = after.Samples
            .Where(s => s.Name == "rl_grpc_request_duration_seconds_bucket" && s.Labels["method"] == GetTenantMethod)
            .ToList();
        var bounds = buckets.Select(b => b.Labels["le"]).ToList();
        Assert.Equal("+Inf", bounds[^1]);
        Assert.Equal(bounds.Distinct().Count(), bounds.Count);
        Assert.All(buckets.Zip(buckets.Skip(1)), pair => Assert.True(pair.First.Value <= pair.Second.Value, "buckets are cumulative"));
        Assert.Equal(after.Value("rl_grpc_request_duration_seconds_count", ("method", GetTenantMethod)), buckets[^1].Value);
    }

    [Fact]
    public async Task Actor_and_store_figures_follow_the_writes()
    {
        var before = await ScrapeAsync();
        await Client.Tenants.CreateTenantAsync(NewTenant(), Operator);
        await Client.Tenants.CreateTenantAsync(NewTenant(), Operator);

        var after = await ScrapeAsync();
        Assert.Equal("counter", after.Types["rl_store_commits_total"]);
        Assert.True(Increase(before, after, "rl_store_commits_total") >= 2, "each new tenant is at least one commit");
        Assert.InRange(Increase(before, after, "rl_store_commit_batches_total"), 1, Increase(before, after, "rl_store_commits_total"));
        Assert.True(after.Value("rl_actor_activations") >= 2, "both tenants' actors are active");
    }

    [Fact]
    public async Task Actor_turns_are_counted_by_type()
    {
        var tenant = NewTenant();
        await Client.Tenants.CreateTenantAsync(tenant, Operator);
        var before = await ScrapeAsync();

        for (var i = 0; i < 3; i++) await Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = tenant.TenantId }, Operator);

        var after = await ScrapeAsync();
        Assert.Equal("counter", after.Types["rl_actor_turns_total"]);
        Assert.Equal(3, Increase(before, after, "rl_actor_turns_total", ("type", "tenant")));
    }

    [Fact]
    public async Task The_endpoint_speaks_the_Prometheus_text_format_over_HTTP_1_1()
    {
        // Instruments appear once they have measured something.
        await Client.Tenants.CreateTenantAsync(NewTenant(), Operator);

        using var response = await _http.GetAsync(MetricsUri("/metrics"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpVersion.Version11, response.Version);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "version" && p.Value == "0.0.4");
        var scrape = MetricsScrape.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("counter", scrape.Types["rl_grpc_requests_total"]);
        Assert.Equal("gauge", scrape.Types["rl_grpc_requests_in_flight"]);
        Assert.Equal("gauge", scrape.Types["rl_actor_activations"]);
    }

    [Fact]
    public async Task Other_paths_on_the_metrics_port_are_not_found()
    {
        using var response = await _http.GetAsync(MetricsUri("/TenantAdminService/ListTenants"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<MetricsScrape> ScrapeAsync() => MetricsScrape.Parse(await _http.GetStringAsync(MetricsUri("/metrics")));

    private Uri MetricsUri(string path) => new($"http://127.0.0.1:{_silo.AdminPort}{path}");

    private static double Increase(MetricsScrape before, MetricsScrape after, string name, params (string, string)[] labels) =>
        after.Value(name, labels) - before.Value(name, labels);

    private static CreateTenantRequest NewTenant()
    {
        var tenantId = "t-" + Guid.NewGuid().ToString("N")[..12];
        return new CreateTenantRequest { RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "Merchant " + tenantId };
    }

    private static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) => await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
}
