using Google.Rpc;
using ReverseLogistics.Domain.Tenants;
using Grpc.Core;
using ReverseLogistics.Silo.Hosting;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.Handhelds;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Receiving;

/// <summary>A centre's handhelds share one rate limit; the operator is not limited by it.</summary>
public sealed class HandheldRateLimitTests
{
    private const string OperatorKey = "rl-handheld-limit-operator-key";

    [Fact]
    public async Task A_centres_handhelds_over_their_shared_limit_are_resource_exhausted_and_the_operator_is_not()
    {
        await using var silo = await InProcessSilo.StartFreshAsync(new SiloOptions
        {
            OperatorKey = OperatorKey, HandheldRateLimit = new RateLimitSettings(RequestsPerSecond: 1, Burst: 2),
        });
        CallOptions[] devices = [await NewHandheldAsync(silo.Client, OperatorKey), await NewHandheldAsync(silo.Client, OperatorKey)];

        var outcomes = new List<StatusCode>();
        RpcException? limited = null;
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await silo.Client.Receiving.ListInventoryAsync(new ListInventoryRequest(), devices[i % 2]);
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
                limited ??= e;
            }
        }
        var operatorCalls = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            silo.Client.Tenants.ListTenantsAsync(new ListTenantsRequest(), As(OperatorKey)).ResponseAsync));

        Assert.Contains(StatusCode.OK, outcomes);
        Assert.Equal(StatusCode.ResourceExhausted, limited?.StatusCode);
        Assert.Contains($"Fulfilment centre '{DefaultCentre}'", limited!.Status.Detail);
        Assert.NotNull(limited.GetRpcStatus()?.GetDetail<RetryInfo>());
        Assert.Equal(5, operatorCalls.Length);
    }
}
