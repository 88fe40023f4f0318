using System.Text.Json;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Errors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Idempotency;
using ReverseLogistics.Silo.Security;
using ReverseLogistics.Storage;
using ReverseLogistics.V1;
using Tenant = ReverseLogistics.Domain.Tenants.Tenant;

namespace ReverseLogistics.Silo.Tenants;

/// <summary>
/// One tenant (key: tenant id + tenant id): its profile and API keys. The 3PL's own tenant
/// (<see cref="TenantIds.Platform"/>) holds the operator and handheld keys.
/// </summary>
public sealed class TenantActor(KeyRingCache keyRings) : Actor<TenantState>, IActor
{
    public static string TypeName => "tenant";

    private DateTime Now => Time.GetUtcNow().UtcDateTime;
    private Tenant Rules => new(Key.TenantId, State, Exists);

    public KeyRing KeyRing => KeyRing.Of(Rules, Version);

    public ReverseLogistics.V1.Tenant Get() =>
        Exists ? TenantMapper.ToProto(Key.TenantId, State) : throw new NotFoundException($"Tenant '{Key.TenantId}' not found.");

    public async Task<ReverseLogistics.V1.Tenant> CreateAsync(CreateTenantRequest request, Caller caller, IdempotencyTicket ticket)
    {
        Rules.Create(request.DisplayName, TenantMapper.ToSettings(request.RateLimit), Now);
        var response = TenantMapper.ToProto(Key.TenantId, State);
        await CommitAndPublishAsync([Event("TenantCreated", new { State.DisplayName, State.RateLimit }, caller)], ticket.Record(response, Now));
        return response;
    }

    public async Task<ReverseLogistics.V1.Tenant> UpdateAsync(UpdateTenantRequest request, Caller caller, IdempotencyTicket ticket)
    {
        Rules.Update(request.HasDisplayName ? request.DisplayName : null, TenantMapper.ToSettings(request.RateLimit), Now);
        var response = TenantMapper.ToProto(Key.TenantId, State);
        await CommitAndPublishAsync([Event("TenantUpdated", new { State.DisplayName, State.RateLimit }, caller)], ticket.Record(response, Now));
        return response;
    }

    public async Task<CreateApiKeyResponse> IssueKeyAsync(CreateApiKeyRequest request, Func<string, bool> centreExists, Caller caller, IdempotencyTicket? ticket)
    {
        var (key, credential) = Rules.IssueKey((ApiKeyRole)(int)request.Role, request.FulfillmentCenterId, request.Description, Now, centreExists);
        var response = new CreateApiKeyResponse { ApiKey = TenantMapper.ToProto(Key.TenantId, key), Secret = credential.ToString() };
        await CommitAndPublishAsync([Event("ApiKeyIssued", new { key.KeyId, key.Role, key.FulfillmentCenterId }, caller)], ticket?.Record(response, Now));
        return response;
    }

    public ListApiKeysResponse ListKeys()
    {
        if (!Exists) throw new NotFoundException($"Tenant '{Key.TenantId}' not found.");
        var response = new ListApiKeysResponse();
        response.ApiKeys.AddRange(State.Keys.Select(k => TenantMapper.ToProto(Key.TenantId, k)));
        return response;
    }

    public async Task<ApiKey> RevokeKeyAsync(string keyId, Caller caller, IdempotencyTicket ticket)
    {
        var key = Rules.RevokeKey(keyId, Now);
        var response = TenantMapper.ToProto(Key.TenantId, key);
        await CommitAndPublishAsync([Event("ApiKeyRevoked", new { key.KeyId }, caller)], ticket.Record(response, Now));
        return response;
    }

    /// <summary>Creates the 3PL's tenant on first start; returns false when it already existed.</summary>
    public async Task<bool> EnsurePlatformAsync()
    {
        if (Exists) return false;
        Rules.CreatePlatform(Now);
        await CommitAndPublishAsync([new NewEvent("PlatformCreated", "{}", "system:bootstrap", Now)]);
        return true;
    }

    protected override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        keyRings.Publish(KeyRing);
        return Task.CompletedTask;
    }

    private async Task CommitAndPublishAsync(IReadOnlyList<NewEvent> events, IdempotencyRecord? idempotency = null)
    {
        await CommitAsync(events, idempotency);
        keyRings.Publish(KeyRing);
    }

    private NewEvent Event(string type, object data, Caller caller) =>
        new(type, JsonSerializer.Serialize(data, ActorJson.Options), caller.AuditName, Now);
}
