using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;

namespace ReverseLogistics.UnitTests.Tenants;

public sealed class TenantRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc);

    private static readonly Func<string, bool> AnyCentre = _ => true;

    private static Tenant NewTenant(string id = "acme-outdoor") => new(id, new TenantState(), exists: false);

    private static Tenant Existing(string id = "acme-outdoor")
    {
        var tenant = NewTenant(id);
        tenant.Create("Acme Outdoor", null, Now);
        return new Tenant(id, tenant.State, exists: true);
    }

    [Theory]
    [InlineData("acme")]
    [InlineData("a1-b2")]
    [InlineData("abc")]
    public void Valid_tenant_ids_are_accepted(string id) => Assert.True(TenantIds.IsValidMerchantId(id));

    [Theory]
    [InlineData("ab")]
    [InlineData("Acme")]
    [InlineData("1acme")]
    [InlineData("acme-")]
    [InlineData("ac_me")]
    [InlineData("_platform")]
    [InlineData("a-very-long-tenant-identifier-beyond-forty-chars")]
    public void Invalid_tenant_ids_are_refused(string id) => Assert.False(TenantIds.IsValidMerchantId(id));

    [Fact]
    public void Create_reports_every_invalid_field_at_once()
    {
        var error = Assert.Throws<InvalidInputException>(() =>
            NewTenant("Bad Id").Create(" ", new RateLimitSettings(0, 0), Now));

        Assert.Equal(["tenant_id", "display_name", "rate_limit.requests_per_second"],
            error.Violations.Select(v => v.Field).Distinct().Take(3));
    }

    [Fact]
    public void Creating_an_existing_tenant_is_already_exists() =>
        Assert.Throws<AlreadyExistsException>(() => Existing().Create("Again", null, Now));

    [Fact]
    public void The_platform_id_cannot_be_created_as_a_merchant() =>
        Assert.Throws<InvalidInputException>(() => NewTenant(TenantIds.Platform).Create("3PL", null, Now));

    [Fact]
    public void Update_changes_only_what_is_given()
    {
        var tenant = Existing();

        tenant.Update(null, new RateLimitSettings(5, 10), Now.AddHours(1));

        Assert.Equal("Acme Outdoor", tenant.State.DisplayName);
        Assert.Equal(new RateLimitSettings(5, 10), tenant.RateLimit);
        Assert.Equal(Now.AddHours(1), tenant.State.UpdatedAt);
    }

    [Fact]
    public void Issued_key_authenticates_until_revoked()
    {
        var tenant = Existing();
        var (key, credential) = tenant.IssueKey(ApiKeyRole.Merchant, null, "erp", Now, AnyCentre);

        var caller = KeyRing.Of(tenant, 2).Authenticate(credential);
        tenant.RevokeKey(key.KeyId, Now);

        Assert.Equal(new Caller("acme-outdoor", ApiKeyRole.Merchant, key.KeyId), caller);
        Assert.Null(KeyRing.Of(tenant, 3).Authenticate(credential));
    }

    [Fact]
    public void Only_the_secret_hash_is_stored()
    {
        var tenant = Existing();

        var (key, credential) = tenant.IssueKey(ApiKeyRole.Merchant, null, "", Now, AnyCentre);

        Assert.DoesNotContain(credential.Secret, System.Text.Json.JsonSerializer.Serialize(tenant.State));
        Assert.Equal(credential.SecretHash, key.SecretHash);
    }

    [Fact]
    public void A_wrong_secret_or_another_tenants_key_does_not_authenticate()
    {
        var tenant = Existing();
        var (_, credential) = tenant.IssueKey(ApiKeyRole.Merchant, null, "", Now, AnyCentre);
        var ring = KeyRing.Of(tenant, 2);

        Assert.Null(ring.Authenticate(credential with { Secret = credential.Secret + "x" }));
        Assert.Null(ring.Authenticate(credential with { TenantId = "other-tenant" }));
    }

    [Fact]
    public void Key_roles_must_match_their_owner()
    {
        var merchant = Existing();
        var platform = new Tenant(TenantIds.Platform, new TenantState(), false);
        platform.CreatePlatform(Now);

        Assert.Equal("tenant_id", Assert.Throws<InvalidInputException>(() => merchant.IssueKey(ApiKeyRole.Operator, null, "", Now, AnyCentre)).Violations[0].Field);
        Assert.Equal("tenant_id", Assert.Throws<InvalidInputException>(() => platform.IssueKey(ApiKeyRole.Merchant, null, "", Now, AnyCentre)).Violations[0].Field);
        Assert.Equal("fulfillment_center_id", Assert.Throws<InvalidInputException>(() => platform.IssueKey(ApiKeyRole.Handheld, null, "", Now, AnyCentre)).Violations[0].Field);
        Assert.Equal("FC-1", platform.IssueKey(ApiKeyRole.Handheld, "FC-1", "", Now, AnyCentre).Key.FulfillmentCenterId);
    }

    [Fact]
    public void A_handheld_key_names_a_known_centre_and_every_violation_is_reported_at_once()
    {
        var platform = new Tenant(TenantIds.Platform, new TenantState(), false);
        platform.CreatePlatform(Now);

        var error = Assert.Throws<InvalidInputException>(() =>
            platform.IssueKey(ApiKeyRole.Handheld, "FC-NOWHERE", new string('x', 1000), Now, centre => centre == "FC-1"));

        Assert.Equal(["fulfillment_center_id", "description"], error.Violations.Select(v => v.Field));
        Assert.Contains("'FC-NOWHERE'", error.Violations[0].Description);
        Assert.Empty(platform.State.Keys);
        Assert.Equal("FC-1", platform.IssueKey(ApiKeyRole.Handheld, "FC-1", "", Now, centre => centre == "FC-1").Key.FulfillmentCenterId);
    }

    [Fact]
    public void Revoking_an_unknown_key_is_not_found() =>
        Assert.Throws<NotFoundException>(() => Existing().RevokeKey("k-missing", Now));

    [Fact]
    public void Keys_cannot_be_issued_for_a_missing_tenant() =>
        Assert.Throws<NotFoundException>(() => NewTenant().IssueKey(ApiKeyRole.Merchant, null, "", Now, AnyCentre));

    [Theory]
    [InlineData("rl.acme.k1.secret", true)]
    [InlineData("rl._platform.k1.s3cr-t_", true)]
    [InlineData("rl.acme.k1", false)]
    [InlineData("xx.acme.k1.secret", false)]
    [InlineData("rl..k1.secret", false)]
    [InlineData("", false)]
    public void Credentials_parse_only_in_their_format(string value, bool parses) =>
        Assert.Equal(parses, ApiKeyCredential.TryParse(value, out _));

    [Fact]
    public void Generated_credentials_round_trip_and_differ()
    {
        var a = ApiKeyCredential.Generate("acme");
        var b = ApiKeyCredential.Generate("acme");

        Assert.True(ApiKeyCredential.TryParse(a.ToString(), out var parsed));
        Assert.Equal(a, parsed);
        Assert.NotEqual(a.Secret, b.Secret);
        Assert.NotEqual(a.KeyId, b.KeyId);
    }
}
