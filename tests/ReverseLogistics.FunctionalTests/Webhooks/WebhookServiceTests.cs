using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Webhooks;

/// <summary>
/// Managing endpoints on a silo with the default rules (private addresses refused): URL rules, validation, tenants
/// kept apart, idempotent creation.
/// </summary>
public sealed class WebhookServiceTests : IAsyncLifetime
{
    private const string OperatorKey = "rl-webhook-service-operator-key";
    private InProcessSilo silo = null!;

    private PlatformClient Client => silo.Client;

    public async Task InitializeAsync() => silo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = OperatorKey });

    public Task DisposeAsync() => silo.DisposeAsync().AsTask();

    private async Task<CallOptions> MerchantAsync() => As((await NewMerchantAsync(Client, OperatorKey)).MerchantKey);

    private Task<CreateWebhookEndpointResponse> CreateAsync(CallOptions merchant, string url, params string[] types) =>
        Client.Webhooks.CreateWebhookEndpointAsync(new CreateWebhookEndpointRequest { RequestId = NewRequestId(), Url = url, EventTypes = { types } }, merchant)
            .ResponseAsync;

    [Theory]
    [InlineData("ftp://example.com/hooks")]
    [InlineData("example.com/hooks")]
    [InlineData("/hooks")]
    [InlineData("")]
    [InlineData("https://user:secret@example.com/hooks")]
    [InlineData("http://127.0.0.1:8080/hooks")]
    [InlineData("http://localhost/hooks")]
    [InlineData("http://api.localhost/hooks")]
    [InlineData("http://10.1.2.3/hooks")]
    [InlineData("http://172.20.0.1/hooks")]
    [InlineData("http://192.168.1.10/hooks")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://0.0.0.0/hooks")]
    [InlineData("http://[::1]/hooks")]
    [InlineData("http://[fd12:3456::1]/hooks")]
    [InlineData("http://[fe80::1]/hooks")]
    [InlineData("http://[::ffff:127.0.0.1]/hooks")]
    public async Task A_url_that_is_not_public_http_or_https_is_refused_naming_the_url(string url)
    {
        var merchant = await MerchantAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(merchant, url));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("url", refused.Status.Detail);
    }

    [Fact]
    public async Task A_url_longer_than_2048_characters_is_refused()
    {
        var merchant = await MerchantAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => CreateAsync(merchant, "https://example.com/" + new string('a', 2030)));

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("url", refused.Status.Detail);
    }

    [Fact]
    public async Task A_public_https_url_is_accepted_with_a_secret_and_listed_without_it()
    {
        var merchant = await MerchantAsync();

        var created = await CreateAsync(merchant, "https://hooks.example.com/rl?x=1", "return.approved");
        var listed = await Client.Webhooks.ListWebhookEndpointsAsync(new ListWebhookEndpointsRequest(), merchant);

        Assert.Equal(created.Endpoint, listed.Endpoints.Single());
        Assert.Equal(("https://hooks.example.com/rl?x=1", true), (created.Endpoint.Url, created.Endpoint.Enabled));
        Assert.Equal(["return.approved"], created.Endpoint.EventTypes);
        Assert.StartsWith("whsec_", created.Secret);
    }

    [Fact]
    public async Task A_repeated_create_answers_the_first_endpoint_and_secret()
    {
        var merchant = await MerchantAsync();
        var request = new CreateWebhookEndpointRequest { RequestId = NewRequestId(), Url = "https://hooks.example.com/a" };

        var first = await Client.Webhooks.CreateWebhookEndpointAsync(request, merchant);
        var again = await Client.Webhooks.CreateWebhookEndpointAsync(request, merchant);

        Assert.Equal(first, again);
        Assert.Single((await Client.Webhooks.ListWebhookEndpointsAsync(new ListWebhookEndpointsRequest(), merchant)).Endpoints);
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_naming_the_field()
    {
        var merchant = await MerchantAsync();
        var endpoint = await CreateAsync(merchant, "https://hooks.example.com/b");
        var id = endpoint.Endpoint.EndpointId;

        async Task<string> RefusedAsync(Func<Task> call)
        {
            var e = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
            return e.Status.Detail;
        }

        Assert.Contains("event_types[1]", await RefusedAsync(() => CreateAsync(merchant, "https://hooks.example.com/c", "return.created", "return.teleported")));
        Assert.Contains("event_types[1]", await RefusedAsync(() => CreateAsync(merchant, "https://hooks.example.com/c", "return.created", "return.created")));
        Assert.Contains("request_id", await RefusedAsync(() => Client.Webhooks.CreateWebhookEndpointAsync(
            new CreateWebhookEndpointRequest { RequestId = new string('r', 129), Url = "https://hooks.example.com/c" }, merchant).ResponseAsync));
        Assert.Contains("page_size", await RefusedAsync(() => Client.Webhooks.ListWebhookEndpointsAsync(
            new ListWebhookEndpointsRequest { PageSize = -1 }, merchant).ResponseAsync));
        Assert.Contains("page_token", await RefusedAsync(() => Client.Webhooks.ListDeliveriesAsync(
            new ListDeliveriesRequest { EndpointId = id, PageToken = "not-a-token" }, merchant).ResponseAsync));
        Assert.Contains("endpoint_id", await RefusedAsync(() => Client.Webhooks.ListDeliveriesAsync(new ListDeliveriesRequest(), merchant).ResponseAsync));
        Assert.Contains("event_id", await RefusedAsync(() => Client.Webhooks.RedeliverEventAsync(
            new RedeliverEventRequest { RequestId = NewRequestId(), EndpointId = id, EventId = "42" }, merchant).ResponseAsync));
        Assert.Contains("url", await RefusedAsync(() => Client.Webhooks.UpdateWebhookEndpointAsync(
            new UpdateWebhookEndpointRequest { RequestId = NewRequestId(), EndpointId = id, Url = "http://127.0.0.1/", Enabled = true }, merchant).ResponseAsync));
    }

    [Fact]
    public async Task A_merchant_sees_and_changes_only_its_own_endpoints()
    {
        var (owner, other) = (await MerchantAsync(), await MerchantAsync());
        var endpoint = await CreateAsync(owner, "https://hooks.example.com/mine");
        var id = endpoint.Endpoint.EndpointId;

        async Task NotFoundAsync(Func<Task> call) => Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);

        Assert.Empty((await Client.Webhooks.ListWebhookEndpointsAsync(new ListWebhookEndpointsRequest(), other)).Endpoints);
        await NotFoundAsync(() => Client.Webhooks.ListDeliveriesAsync(new ListDeliveriesRequest { EndpointId = id }, other).ResponseAsync);
        await NotFoundAsync(() => Client.Webhooks.UpdateWebhookEndpointAsync(new UpdateWebhookEndpointRequest
        {
            RequestId = NewRequestId(), EndpointId = id, Url = "https://evil.example.com/", Enabled = true,
        }, other).ResponseAsync);
        await NotFoundAsync(() => Client.Webhooks.RotateWebhookSecretAsync(new RotateWebhookSecretRequest { RequestId = NewRequestId(), EndpointId = id }, other).ResponseAsync);
        await NotFoundAsync(() => Client.Webhooks.RedeliverEventAsync(new RedeliverEventRequest
        {
            RequestId = NewRequestId(), EndpointId = id, EventId = "evt_1",
        }, other).ResponseAsync);
        await NotFoundAsync(() => Client.Webhooks.DeleteWebhookEndpointAsync(new DeleteWebhookEndpointRequest { RequestId = NewRequestId(), EndpointId = id }, other).ResponseAsync);

        Assert.Equal(endpoint.Endpoint, (await Client.Webhooks.ListWebhookEndpointsAsync(new ListWebhookEndpointsRequest(), owner)).Endpoints.Single());
        await Client.Webhooks.DeleteWebhookEndpointAsync(new DeleteWebhookEndpointRequest { RequestId = NewRequestId(), EndpointId = id }, owner);
        Assert.Empty((await Client.Webhooks.ListWebhookEndpointsAsync(new ListWebhookEndpointsRequest(), owner)).Endpoints);
        await NotFoundAsync(() => Client.Webhooks.ListDeliveriesAsync(new ListDeliveriesRequest { EndpointId = id }, owner).ResponseAsync);
    }

    [Fact]
    public async Task When_delivering_a_name_is_dialled_only_at_addresses_webhooks_may_reach()
    {
        var refused = await Assert.ThrowsAsync<Silo.Webhooks.WebhookAddressException>(async () =>
            await Silo.Webhooks.WebhookConnections.ConnectAsync(new System.Net.DnsEndPoint("localhost", 9), allowPrivate: false, CancellationToken.None));

        Assert.Contains("localhost", refused.Message);
    }
}
