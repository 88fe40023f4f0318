using Grpc.Core;
using Grpc.Health.V1;
using ReverseLogistics.Client;
using ReverseLogistics.Testing.V1;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;
using Outcome = ReverseLogistics.Testing.V1.Probe.Types.Outcome;

namespace ReverseLogistics.FunctionalTests.Client;

/// <summary>The SDK's conventions, seen from a real silo: the key, the default deadline and request ids.</summary>
[Collection(SiloCollection.Name)]
public sealed class PlatformClientTests(SiloFixture silo)
{
    /// <summary>
    /// How the silo's handler sees a call end at its deadline. Grpc.Net.Client enforces the deadline itself
    /// too, resetting the stream at the same instant as the silo's own timer fires, so which of the two the
    /// handler sees first is a race; either way the call was ended by its deadline and not left to hang.
    /// </summary>
    private static readonly Outcome[] EndedByTheDeadline = [Outcome.DeadlineExceeded, Outcome.ClientCancelled];

    private PlatformClient NewClient(string? apiKey = null, TimeSpan? defaultDeadline = null, string? address = null) => new(new PlatformClientOptions
    {
        Address = address ?? silo.Address, ApiKey = apiKey, DefaultDeadline = defaultDeadline ?? TimeSpan.FromSeconds(30), MaxAttempts = 1,
    });

    /// <summary>A client whose connection is up, so that a short deadline is spent on the call and not on connecting.</summary>
    private async Task<PlatformClient> ConnectedClientAsync(TimeSpan defaultDeadline)
    {
        var client = NewClient(defaultDeadline: defaultDeadline);
        await client.Health.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
        return client;
    }

    private static ConformanceService.ConformanceServiceClient Conformance(PlatformClient client) => new(client.CallInvoker);

    [Fact]
    public async Task The_api_key_reaches_the_silo_as_call_credentials()
    {
        var (tenantId, merchantKey) = await NewMerchantAsync(silo.Client, SiloFixture.OperatorKey);
        using var keyed = NewClient(apiKey: merchantKey);
        using var keyless = NewClient();

        var tenant = await keyed.Tenants.GetTenantAsync(new GetTenantRequest());
        var anonymous = await Assert.ThrowsAsync<RpcException>(() => keyless.Tenants.GetTenantAsync(new GetTenantRequest()).ResponseAsync);

        Assert.Equal(tenantId, tenant.TenantId);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_full_http_url_is_an_address_too()
    {
        using var client = NewClient(address: "http://" + silo.Address);

        var health = await client.Health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    [Fact]
    public async Task A_call_without_a_deadline_gets_the_default_one()
    {
        using var client = await ConnectedClientAsync(defaultDeadline: TimeSpan.FromSeconds(1));
        var probeId = Guid.NewGuid().ToString();

        using var call = Conformance(client).HoldAsync(new HoldRequest { ProbeId = probeId });
        await call.ResponseHeadersAsync; // the handler runs, so the deadline below ends a call the silo holds
        var held = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        var probe = await Conformance(silo.Client).GetProbeAsync(new GetProbeRequest { ProbeId = probeId });

        Assert.Equal(StatusCode.DeadlineExceeded, held.StatusCode);
        Assert.Contains(probe.Outcome, EndedByTheDeadline);
    }

    [Fact]
    public async Task A_callers_own_deadline_is_kept()
    {
        using var client = await ConnectedClientAsync(defaultDeadline: TimeSpan.FromHours(1));
        var probeId = Guid.NewGuid().ToString();

        using var call = Conformance(client).HoldAsync(new HoldRequest { ProbeId = probeId }, deadline: DateTime.UtcNow.AddSeconds(1));
        await call.ResponseHeadersAsync;
        var held = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        var probe = await Conformance(silo.Client).GetProbeAsync(new GetProbeRequest { ProbeId = probeId });

        Assert.Equal(StatusCode.DeadlineExceeded, held.StatusCode);
        Assert.Contains(probe.Outcome, EndedByTheDeadline);
    }

    [Fact]
    public async Task A_mutation_without_a_request_id_gets_one_and_the_callers_message_is_left_as_it_was()
    {
        var request = new CreateTenantRequest { TenantId = "t-" + Guid.NewGuid().ToString("N")[..12], DisplayName = "No request id" };

        // The silo refuses mutations without a request id (TenantAdminApiTests), so this one got one.
        var created = await silo.Client.Tenants.CreateTenantAsync(request, As(SiloFixture.OperatorKey));

        Assert.Equal(request.TenantId, created.TenantId);
        Assert.Equal("", request.RequestId);
    }

    [Fact]
    public async Task Each_call_gets_its_own_request_id_so_sending_a_message_again_is_a_new_request()
    {
        var withoutId = new CreateTenantRequest { TenantId = "t-" + Guid.NewGuid().ToString("N")[..12], DisplayName = "Twice" };
        var withId = new CreateTenantRequest { RequestId = NewRequestId(), TenantId = "t-" + Guid.NewGuid().ToString("N")[..12], DisplayName = "Twice" };
        var operatorKey = As(SiloFixture.OperatorKey);

        await silo.Client.Tenants.CreateTenantAsync(withoutId, operatorKey);
        var again = await Assert.ThrowsAsync<RpcException>(() => silo.Client.Tenants.CreateTenantAsync(withoutId, operatorKey).ResponseAsync);
        var first = await silo.Client.Tenants.CreateTenantAsync(withId, operatorKey);
        var replayed = await silo.Client.Tenants.CreateTenantAsync(withId, operatorKey);

        Assert.Equal(StatusCode.AlreadyExists, again.StatusCode);
        Assert.Equal(first, replayed);
    }

    [Fact]
    public void An_address_that_is_not_http_is_refused()
    {
        Assert.Throws<ArgumentException>(() => NewClient(address: "ftp://" + silo.Address));
    }
}
