using System.Net;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Grpc.Core;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace ReverseLogistics.FunctionalTests.Hosting;

/// <summary>The admin port's probes over real HTTP/1.1, and health turning NOT_SERVING as the node stops.</summary>
public sealed class AdminEndpointTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_and_other_paths_404()
    {
        await using var silo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = "k", AdminPort = 0 });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.AdminPort}") };

        using var live = await http.GetAsync("/healthz");
        using var ready = await http.GetAsync("/readyz");
        using var other = await http.GetAsync("/reverselogistics.v1.TenantAdminService/ListTenants");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_stopping_node_reports_not_serving_to_watchers_and_is_not_ready()
    {
        await using var silo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = "k", AdminPort = 0 });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.AdminPort}") };
        using var watch = new CancellationTokenSource();
        using var call = silo.Client.Health.Watch(new HealthCheckRequest(), new CallOptions(cancellationToken: watch.Token, deadline: DateTime.MaxValue));
        await using var statuses = call.ResponseStream.ReadAllAsync().GetAsyncEnumerator();
        Assert.True(await statuses.MoveNextAsync());
        Assert.Equal(ServingStatus.Serving, statuses.Current.Status);

        silo.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();

        Assert.True(await statuses.MoveNextAsync());
        Assert.Equal(ServingStatus.NotServing, statuses.Current.Status);
        watch.Cancel();
    }

    [Fact]
    public async Task Operators_see_the_clusters_silos_and_their_grains_others_do_not()
    {
        const string operatorKey = "rl-cluster-view-operator-key";
        await using var silo = await InProcessSilo.StartFreshAsync(new SiloOptions { OperatorKey = operatorKey, AdminPort = 0 });
        var (_, merchantKey) = await TenantAdmin.NewMerchantAsync(silo.Client, operatorKey);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{silo.AdminPort}") };

        using var anonymous = await http.GetAsync("/cluster");
        using var merchant = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/cluster") { Headers = { { "Authorization", $"Bearer {merchantKey}" } } });
        using var operatorView = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/cluster") { Headers = { { "Authorization", $"Bearer {operatorKey}" } } });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, merchant.StatusCode);
        Assert.Equal(HttpStatusCode.OK, operatorView.StatusCode);
        using var view = System.Text.Json.JsonDocument.Parse(await operatorView.Content.ReadAsStringAsync());
        var only = Assert.Single(view.RootElement.GetProperty("silos").EnumerateArray());
        Assert.Equal("Active", only.GetProperty("status").GetString());
        Assert.True(only.GetProperty("grainTypes").GetProperty("TenantGrain").GetInt32() >= 2, "the platform's tenant and the merchant's");
    }
}
