using ReverseLogistics.Domain.Routing;
using System.Text;
using Google.Rpc;
using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Storage;
using Grpc.Health.V1;
using Grpc.Core;
using ReverseLogistics.Client;
using ReverseLogistics.FunctionalTests.Support;
using ReverseLogistics.V1;
using static ReverseLogistics.FunctionalTests.Support.TenantAdmin;

namespace ReverseLogistics.FunctionalTests.Tenants;

/// <summary>TenantAdminService through the real binding: tenants, keys, authentication, roles, idempotency, rate limits.</summary>
[Collection(SiloCollection.Name)]
public sealed class TenantAdminApiTests(SiloFixture silo)
{
    private PlatformClient Client => silo.Client;
    private static CallOptions Operator => As(SiloFixture.OperatorKey);

    private static async Task<RpcException> FailsAsync<T>(AsyncUnaryCall<T> call) =>
        await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

    [Fact]
    public async Task Created_tenant_can_be_read_and_listed()
    {
        var (tenantId, _) = await NewMerchantAsync(Client, SiloFixture.OperatorKey, new RateLimit { RequestsPerSecond = 7, Burst = 9 });

        var tenant = await Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = tenantId }, Operator);
        var listed = await ListAllAsync();

        Assert.Equal("Merchant " + tenantId, tenant.DisplayName);
        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.Equal(7, tenant.RateLimit.RequestsPerSecond);
        Assert.Contains(listed, t => t.TenantId == tenantId);
        Assert.DoesNotContain(listed, t => t.TenantId.StartsWith('_'));
    }

    [Fact]
    public async Task Listing_pages_through_every_tenant_once()
    {
        for (var i = 0; i < 3; i++) await NewMerchantAsync(Client, SiloFixture.OperatorKey);

        var all = await ListAllAsync(pageSize: 2);

        Assert.Equal(all.Select(t => t.TenantId).Distinct().Count(), all.Count);
        Assert.Equal(all.Select(t => t.TenantId).Order(StringComparer.Ordinal), all.Select(t => t.TenantId));
        Assert.True(all.Count >= 3);
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_writes_nothing()
    {
        var tenantId = "bad-" + Guid.NewGuid().ToString("N")[..8];

        var error = await FailsAsync(Client.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            RequestId = NewRequestId(), TenantId = tenantId, DisplayName = " ", RateLimit = new RateLimit { RequestsPerSecond = 0, Burst = 0 },
        }, Operator));
        var lookup = await FailsAsync(Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = tenantId }, Operator));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(["display_name", "rate_limit.requests_per_second"],
            error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).Distinct().Take(2));
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Theory]
    [InlineData("Bad Id")]
    [InlineData("")]
    [InlineData("_platform")]
    public async Task A_malformed_tenant_id_is_invalid_argument(string tenantId)
    {
        var error = await FailsAsync(Client.Tenants.CreateTenantAsync(
            new CreateTenantRequest { RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "X" }, Operator));

        Assert.Equal("tenant_id", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task A_mutation_without_request_id_is_invalid()
    {
        // Straight on the channel: the SDK's own stubs would give the request an id.
        var bare = new TenantAdminService.TenantAdminServiceClient(Client.Channel);
        var error = await FailsAsync(bare.CreateTenantAsync(
            new CreateTenantRequest { TenantId = "no-request-id", DisplayName = "X" }, Operator));

        Assert.Equal("request_id", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
        var lookup = await FailsAsync(Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = "no-request-id" }, Operator));
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
    }

    [Fact]
    public async Task A_taken_tenant_id_is_already_exists()
    {
        var (tenantId, _) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);

        var error = await FailsAsync(Client.Tenants.CreateTenantAsync(
            new CreateTenantRequest { RequestId = NewRequestId(), TenantId = tenantId, DisplayName = "Again" }, Operator));

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
    }

    [Fact]
    public async Task A_retry_returns_the_first_result()
    {
        var request = new CreateTenantRequest { RequestId = NewRequestId(), TenantId = "retry-" + Guid.NewGuid().ToString("N")[..8], DisplayName = "Retry" };

        var first = await Client.Tenants.CreateTenantAsync(request, Operator);
        var retry = await Client.Tenants.CreateTenantAsync(request, Operator);

        Assert.Equal(first, retry);
    }

    [Fact]
    public async Task Concurrent_retries_all_get_the_one_result()
    {
        var description = "race " + Guid.NewGuid().ToString("N");
        var request = new CreateApiKeyRequest { RequestId = NewRequestId(), Role = Role.Handheld, FulfillmentCenterId = Handhelds.DefaultCentre, Description = description };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.Tenants.CreateApiKeyAsync(request, Operator).ResponseAsync));
        var keys = await Client.Tenants.ListApiKeysAsync(new ListApiKeysRequest(), Operator);

        Assert.Single(results.Select(r => r.ApiKey.KeyId).Distinct());
        Assert.Single(results.Select(r => r.Secret).Distinct());
        Assert.Single(keys.ApiKeys, k => k.Description == description);
    }

    [Fact]
    public async Task With_no_network_a_handheld_key_belongs_to_the_default_centre_or_none()
    {
        var made = await Client.Tenants.CreateApiKeyAsync(
            new CreateApiKeyRequest { RequestId = NewRequestId(), Role = Role.Handheld, FulfillmentCenterId = Handhelds.DefaultCentre }, Operator);

        var madeUp = await FailsAsync(Client.Tenants.CreateApiKeyAsync(
            new CreateApiKeyRequest { RequestId = NewRequestId(), Role = Role.Handheld, FulfillmentCenterId = "FC-MADE-UP" }, Operator));
        var after = await Client.Tenants.ListApiKeysAsync(new ListApiKeysRequest(), Operator);

        Assert.Equal(Handhelds.DefaultCentre, made.ApiKey.FulfillmentCenterId);
        Assert.Equal(StatusCode.InvalidArgument, madeUp.StatusCode);
        var violation = Assert.Single(madeUp.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("fulfillment_center_id", violation.Field);
        Assert.Contains("'FC-MADE-UP'", violation.Description);
        Assert.DoesNotContain(after.ApiKeys, k => k.FulfillmentCenterId == "FC-MADE-UP");
    }

    [Fact]
    public async Task Reusing_a_request_id_for_another_request_is_refused()
    {
        var requestId = NewRequestId();
        await Client.Tenants.CreateApiKeyAsync(new CreateApiKeyRequest { RequestId = requestId, Role = Role.Operator, Description = "one" }, Operator);

        var error = await FailsAsync(Client.Tenants.CreateApiKeyAsync(
            new CreateApiKeyRequest { RequestId = requestId, Role = Role.Operator, Description = "two" }, Operator));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains(requestId, error.Status.Detail);
    }

    [Fact]
    public async Task A_new_keys_secret_is_kept_only_sealed_and_replayed_only_to_the_key_that_asked()
    {
        var request = new CreateApiKeyRequest { RequestId = NewRequestId(), Role = Role.Operator, Description = "sealed" };
        var created = await Client.Tenants.CreateApiKeyAsync(request, Operator);
        var otherOperator = await Client.Tenants.CreateApiKeyAsync(
            new CreateApiKeyRequest { RequestId = NewRequestId(), Role = Role.Operator, Description = "another operator" }, Operator);

        var record = await silo.Services.GetRequiredService<IActorStore>().FindRequestAsync(Domain.Tenants.TenantIds.Platform, request.RequestId, CancellationToken.None);
        var retry = await Client.Tenants.CreateApiKeyAsync(request, Operator);
        var foreignRetry = await FailsAsync(Client.Tenants.CreateApiKeyAsync(request, As(otherOperator.Secret)));

        Assert.NotNull(record);
        Assert.DoesNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes(created.Secret)), Convert.ToHexString(record.Response));
        Assert.Equal(created, retry);
        Assert.Equal(StatusCode.FailedPrecondition, foreignRetry.StatusCode);
        Assert.Contains("only replayed to the API key that made the request", foreignRetry.Status.Detail);
    }

    [Fact]
    public async Task Calls_without_a_valid_key_are_unauthenticated()
    {
        var missing = await FailsAsync(Client.Tenants.ListTenantsAsync(new ListTenantsRequest()));
        var unknown = await FailsAsync(Client.Tenants.ListTenantsAsync(new ListTenantsRequest(), As("rl.acme.k123.not-a-secret")));
        var garbage = await FailsAsync(Client.Tenants.ListTenantsAsync(new ListTenantsRequest(), As("garbage")));

        Assert.All([missing, unknown, garbage], e => Assert.Equal(StatusCode.Unauthenticated, e.StatusCode));
    }

    [Fact]
    public async Task A_merchant_key_cannot_call_operator_rpcs()
    {
        var (_, merchantKey) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);

        var error = await FailsAsync(Client.Tenants.ListTenantsAsync(new ListTenantsRequest(), As(merchantKey)));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_merchant_reads_its_own_tenant_and_another_is_not_found()
    {
        var (tenantId, merchantKey) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);
        var (otherId, _) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);

        var own = await Client.Tenants.GetTenantAsync(new GetTenantRequest(), As(merchantKey));
        var other = await FailsAsync(Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = otherId }, As(merchantKey)));
        var missing = await FailsAsync(Client.Tenants.GetTenantAsync(new GetTenantRequest { TenantId = "no-such-tenant" }, As(merchantKey)));

        Assert.Equal(tenantId, own.TenantId);
        Assert.Equal(StatusCode.NotFound, other.StatusCode);
        Assert.Equal(missing.StatusCode, other.StatusCode);
        Assert.Equal(missing.Status.Detail.Replace("no-such-tenant", otherId), other.Status.Detail);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var (tenantId, merchantKey) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);
        await Client.Tenants.GetTenantAsync(new GetTenantRequest(), As(merchantKey));
        var keyId = merchantKey.Split('.')[2];

        var revoked = await Client.Tenants.RevokeApiKeyAsync(new RevokeApiKeyRequest { RequestId = NewRequestId(), TenantId = tenantId, KeyId = keyId }, Operator);
        var error = await FailsAsync(Client.Tenants.GetTenantAsync(new GetTenantRequest(), As(merchantKey)));

        Assert.NotNull(revoked.RevokeTime);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Keys_are_listed_without_their_secrets()
    {
        var (tenantId, merchantKey) = await NewMerchantAsync(Client, SiloFixture.OperatorKey);

        var keys = await Client.Tenants.ListApiKeysAsync(new ListApiKeysRequest { TenantId = tenantId }, Operator);

        var key = Assert.Single(keys.ApiKeys);
        Assert.Equal(Role.Merchant, key.Role);
        Assert.Equal(tenantId, key.TenantId);
        Assert.DoesNotContain(merchantKey.Split('.')[3], keys.ToString());
    }

    [Fact]
    public async Task A_handheld_key_needs_its_fulfilment_centre()
    {
        var error = await FailsAsync(Client.Tenants.CreateApiKeyAsync(
            new CreateApiKeyRequest { RequestId = NewRequestId(), Role = Role.Handheld }, Operator));

        Assert.Equal("fulfillment_center_id", Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task A_tenant_over_its_rate_limit_is_resource_exhausted()
    {
        var (_, merchantKey) = await NewMerchantAsync(Client, SiloFixture.OperatorKey, new RateLimit { RequestsPerSecond = 1, Burst = 2 });

        var outcomes = new List<StatusCode>();
        RpcException? limited = null;
        for (var i = 0; i < 10; i++)
        {
            try
            {
                await Client.Tenants.GetTenantAsync(new GetTenantRequest(), As(merchantKey));
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
                limited ??= e;
            }
        }

        Assert.Contains(StatusCode.OK, outcomes);
        Assert.Equal(StatusCode.ResourceExhausted, limited?.StatusCode);
        Assert.NotNull(limited!.GetRpcStatus()?.GetDetail<RetryInfo>());
    }

    [Fact]
    public async Task Health_and_reflection_need_no_key()
    {
        var health = await Client.Health.CheckAsync(new HealthCheckRequest { Service = "reverselogistics.v1.TenantAdminService" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    private async Task<List<Tenant>> ListAllAsync(int pageSize = 0)
    {
        var all = new List<Tenant>();
        var token = "";
        do
        {
            var page = await Client.Tenants.ListTenantsAsync(new ListTenantsRequest { PageSize = pageSize, PageToken = token }, Operator);
            all.AddRange(page.Tenants);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return all;
    }
}
