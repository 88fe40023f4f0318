using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Grains.Idempotency;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Tenants;

/// <summary>A tenant: the domain's <see cref="Tenant"/> rules over its stored state; every commit refreshes this silo's key ring.</summary>
public sealed class TenantGrain(IActorStore store, PlatformClock clock, KeyRingCache keyRings)
    : StoreGrain<TenantState>(store, TypeName, clock), ITenantGrain
{
    public const string TypeName = "tenant";

    private Tenant Rules => new(Key.TenantId, State, Exists);

    public Task<TenantSnapshot> GetAsync() => Task.FromResult(Snapshot());

    public async Task<TenantSnapshot> CreateAsync(string displayName, RateLimitSettings? rateLimit, Caller caller, IdempotencyTicket ticket)
    {
        Rules.Create(displayName, rateLimit, Now);
        return await CommitAsync(Event("TenantCreated", new { State.DisplayName, State.RateLimit }, caller.AuditName), ticket);
    }

    public async Task<TenantSnapshot> UpdateAsync(string? displayName, RateLimitSettings? rateLimit, Caller caller, IdempotencyTicket ticket)
    {
        Rules.Update(displayName, rateLimit, Now);
        return await CommitAsync(Event("TenantUpdated", new { State.DisplayName, State.RateLimit }, caller.AuditName), ticket);
    }

    public async Task<IssuedApiKey> IssueKeyAsync(ApiKeyRequest request, Caller caller, IdempotencyTicket ticket)
    {
        var issued = Issue(request);
        await CommitAsync(Event("ApiKeyIssued", new { issued.Key.KeyId, issued.Key.Role, issued.Key.FulfillmentCenterId }, caller.AuditName),
            ticket, issued);
        return issued;
    }

    public async Task<ApiKeyState> RevokeKeyAsync(string keyId, Caller caller, IdempotencyTicket ticket)
    {
        var key = Rules.RevokeKey(keyId, Now);
        await CommitAsync(Event("ApiKeyRevoked", new { key.KeyId }, caller.AuditName), ticket, key);
        return key;
    }

    public async Task<bool> EnsurePlatformAsync()
    {
        if (Exists) return false;
        Rules.CreatePlatform(Now);
        await CommitAsync(Event("PlatformCreated", new { }, "system:bootstrap"), ticket: null);
        return true;
    }

    public async Task<IssuedApiKey?> EnsureOperatorKeyAsync(string description, Caller caller)
    {
        if (Snapshot().KeyRing.HasActiveKey(ApiKeyRole.Operator)) return null;
        var issued = Issue(new ApiKeyRequest(ApiKeyRole.Operator, null, description, CenterExists: false));
        await CommitAsync(Event("ApiKeyIssued", new { issued.Key.KeyId, issued.Key.Role }, caller.AuditName), ticket: null);
        return issued;
    }

    protected override Task OnLoadedAsync()
    {
        keyRings.Publish(Snapshot().KeyRing);
        return Task.CompletedTask;
    }

    private IssuedApiKey Issue(ApiKeyRequest request)
    {
        var (key, credential) = Rules.IssueKey(request.Role, request.FulfillmentCenterId, request.Description, Now, _ => request.CenterExists);
        return new IssuedApiKey(Key.TenantId, key, credential.ToString());
    }

    private TenantSnapshot Snapshot() => new(Key.TenantId, Version, Exists, State);

    /// <summary>Commits the change with the request's first result (<paramref name="result"/>, or the tenant) and publishes the new key ring.</summary>
    private async Task<TenantSnapshot> CommitAsync(NewEvent change, IdempotencyTicket? ticket, object? result = null)
    {
        var now = Now;
        await CommitAsync([change], ticket?.Record(result ?? new TenantSnapshot(Key.TenantId, Version + 1, true, State), now));
        var snapshot = Snapshot();
        keyRings.Publish(snapshot.KeyRing);
        return snapshot;
    }
}
