using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.Testing.V1;
using ReverseLogistics.FunctionalTests.Observability;
using ReverseLogistics.FunctionalTests.Support;

namespace ReverseLogistics.FunctionalTests.Client;

/// <summary>
/// Retries of UNAVAILABLE, counted where they land: the silo's own count of the calls it answered
/// (rl_grpc_requests_total on /metrics), not anything the client library reports about itself. Meters are
/// process-wide, so these run alone, like the metrics suite.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed class RetryTests : IAsyncLifetime
{
    private const string FailMethod = "/reverselogistics.testing.v1.ConformanceService/Fail";

    private InProcessSilo _silo = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() =>
        _silo = await InProcessSilo.StartFreshAsync(new SiloOptions { Conformance = true, AdminPort = 0 });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _silo.DisposeAsync();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public async Task Unavailable_is_tried_max_attempts_times(int maxAttempts)
    {
        using var client = new PlatformClient(new PlatformClientOptions { Address = _silo.Address, MaxAttempts = maxAttempts });
        var before = await AnsweredAsync("UNAVAILABLE");

        var error = await FailAsync(client, StatusCode.Unavailable);

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(maxAttempts, await AnsweredAsync("UNAVAILABLE") - before);
    }

    [Fact]
    public async Task Other_failures_are_not_retried()
    {
        using var client = new PlatformClient(new PlatformClientOptions { Address = _silo.Address, MaxAttempts = 3 });
        var before = await AnsweredAsync("FAILED_PRECONDITION");

        var error = await FailAsync(client, StatusCode.FailedPrecondition);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(1, await AnsweredAsync("FAILED_PRECONDITION") - before);
    }

    private static Task<RpcException> FailAsync(PlatformClient client, StatusCode code) =>
        Assert.ThrowsAsync<RpcException>(() =>
            new ConformanceService.ConformanceServiceClient(client.CallInvoker).FailAsync(new FailRequest { Code = (int)code }).ResponseAsync);

    /// <summary>How many Fail calls the silo has answered with <paramref name="code"/>.</summary>
    private async Task<double> AnsweredAsync(string code) =>
        MetricsScrape.Parse(await _http.GetStringAsync($"http://127.0.0.1:{_silo.AdminPort}/metrics"))
            .Value("rl_grpc_requests_total", ("code", code), ("method", FailMethod));
}
