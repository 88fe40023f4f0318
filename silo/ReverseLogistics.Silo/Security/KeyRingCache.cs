using System.Collections.Concurrent;
using ReverseLogistics.Actors;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Silo.Tenants;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Silo.Security;

/// <summary>
/// The key rings of existing tenants, so authenticating a call costs a dictionary lookup.
/// Tenant actors publish a new ring after every change; a change committed on another node
/// (store notification) evicts the ring so the next call reloads it.
/// </summary>
public sealed class KeyRingCache
{
    private readonly ConcurrentDictionary<string, KeyRing> _rings = new();
    private readonly ActorRuntime _actors;

    public KeyRingCache(ActorRuntime actors, IActorStore store)
    {
        _actors = actors;
        store.ActorChanged += (key, version) =>
        {
            if (key.ActorType == TenantActor.TypeName) Evict(key.TenantId, version);
        };
    }

    public async ValueTask<KeyRing> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (_rings.TryGetValue(tenantId, out var cached)) return cached;
        if (tenantId != TenantIds.Platform && !TenantIds.IsValidMerchantId(tenantId)) return KeyRing.Of(new Tenant(tenantId, new TenantState(), false), 0);
        var ring = await _actors.Get<TenantActor>(tenantId, tenantId).AskAsync(actor => Task.FromResult(actor.KeyRing), cancellationToken);
        Publish(ring);
        return ring;
    }

    /// <summary>Keeps the newest ring of each existing tenant (unknown tenants are not cached, so guessing costs no memory).</summary>
    public void Publish(KeyRing ring)
    {
        if (!ring.Exists) return;
        _rings.AddOrUpdate(ring.TenantId, ring, (_, existing) => existing.Version > ring.Version ? existing : ring);
    }

    private void Evict(string tenantId, long version)
    {
        if (_rings.TryGetValue(tenantId, out var cached) && cached.Version < version)
            _rings.TryRemove(KeyValuePair.Create(tenantId, cached));
    }
}
