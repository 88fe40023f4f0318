using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Tenants;
using static ReverseLogistics.Grains.Tests.Calls;

namespace ReverseLogistics.Grains.Tests.Tenants;

/// <summary>The tenant grain through <see cref="ITenantGrain"/>: its profile, its keys, and the 3PL's own tenant.</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class TenantGrainTests(GrainCluster cluster)
{
    [Fact]
    public async Task A_created_tenant_reads_back_as_committed_and_a_tenant_never_created_does_not_exist()
    {
        var tenantId = NewTenantId();

        var created = await cluster.Grains.Tenant(tenantId).CreateAsync("  Acme Outdoor ", new RateLimitSettings(10, 20), Operator, Ticket(tenantId));
        var read = await cluster.Grains.Tenant(tenantId).GetAsync();
        var never = await cluster.Grains.Tenant(NewTenantId()).GetAsync();

        Assert.Equal((tenantId, 1L, true, "Acme Outdoor"), (created.TenantId, created.Version, created.Exists, created.State.DisplayName));
        Assert.Equal((created.Version, created.State.DisplayName, created.State.RateLimit), (read.Version, read.State.DisplayName, read.State.RateLimit));
        Assert.Equal(cluster.Clock.GetUtcNow().UtcDateTime, read.State.CreatedAt);
        Assert.Equal((0L, false), (never.Version, never.Exists));
        Assert.Throws<NotFoundException>(() => never.RequireExisting());
    }

    [Fact]
    public async Task Creating_a_tenant_twice_fails_with_already_exists_and_changes_nothing()
    {
        var tenantId = NewTenantId();
        await cluster.Grains.Tenant(tenantId).CreateAsync("First", null, Operator, Ticket(tenantId));

        await Assert.ThrowsAsync<AlreadyExistsException>(() => cluster.Grains.Tenant(tenantId).CreateAsync("Second", null, Operator, Ticket(tenantId)));

        var read = await cluster.Grains.Tenant(tenantId).GetAsync();
        Assert.Equal((1L, "First"), (read.Version, read.State.DisplayName));
    }

    [Fact]
    public async Task Invalid_fields_are_refused_each_by_name()
    {
        var tenantId = NewTenantId();

        var refused = await Assert.ThrowsAsync<InvalidInputException>(() =>
            cluster.Grains.Tenant(tenantId).CreateAsync(" ", new RateLimitSettings(0, 0), Operator, Ticket(tenantId)));

        Assert.Contains(refused.Violations, v => v.Field == "display_name");
        Assert.False((await cluster.Grains.Tenant(tenantId).GetAsync()).Exists);
    }

    [Fact]
    public async Task An_issued_key_authenticates_and_is_stored_only_as_a_hash_until_it_is_revoked()
    {
        var tenantId = NewTenantId();
        var tenant = cluster.Grains.Tenant(tenantId);
        await tenant.CreateAsync("Keys", null, Operator, Ticket(tenantId));

        var issued = await tenant.IssueKeyAsync(new ApiKeyRequest(ApiKeyRole.Merchant, null, "shop", CenterExists: false), Operator, Ticket(tenantId));
        Assert.True(ApiKeyCredential.TryParse(issued.Secret, out var credential));
        var before = await tenant.GetAsync();
        var stored = await cluster.Store.ReadAsync(new Storage.ActorKey(tenantId, TenantGrain.TypeName, tenantId), CancellationToken.None);
        var revoked = await tenant.RevokeKeyAsync(issued.Key.KeyId, Operator, Ticket(tenantId));
        var after = await tenant.GetAsync();

        Assert.Equal(new Caller(tenantId, ApiKeyRole.Merchant, issued.Key.KeyId), before.KeyRing.Authenticate(credential));
        Assert.DoesNotContain(credential.Secret, stored!.State, StringComparison.Ordinal);
        Assert.Equal(credential.SecretHash, Assert.Single(before.State.Keys).SecretHash);
        Assert.Equal(cluster.Clock.GetUtcNow().UtcDateTime, revoked.RevokedAt);
        Assert.Null(after.KeyRing.Authenticate(credential));
    }

    [Fact]
    public async Task The_platform_tenant_is_created_once_and_gets_one_operator_key()
    {
        var platform = cluster.Grains.Tenant(TenantIds.Platform);

        var first = await platform.EnsurePlatformAsync();
        var second = await platform.EnsurePlatformAsync();
        var key = await platform.EnsureOperatorKeyAsync("bootstrap", new Caller(TenantIds.Platform, ApiKeyRole.Operator, "bootstrap"));
        var again = await platform.EnsureOperatorKeyAsync("bootstrap", new Caller(TenantIds.Platform, ApiKeyRole.Operator, "bootstrap"));

        Assert.Equal((true, false), (first, second));
        Assert.Equal(ApiKeyRole.Operator, key!.Key.Role);
        Assert.Null(again);
        Assert.True((await platform.GetAsync()).KeyRing.HasActiveKey(ApiKeyRole.Operator));
    }
}
