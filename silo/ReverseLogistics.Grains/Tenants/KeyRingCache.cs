using System.Collections.Concurrent;
using Orleans;
using ReverseLogistics.Domain.Tenants;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Grains.Tenants;

/// <summary>
/// The key rings of existing tenants on this silo, so authenticating a call costs a dictionary lookup.
/// Tenant grains on this silo publish a new ring after every change; a change committed through another
/// silo (the store's change notification) evicts the ring so the next call asks the grain again.
/// </summary>
public sealed class KeyRingCache
{
    private readonly ConcurrentDictionary<string, KeyRing> rings = new();
    private readonly IGrainFactory grains;

    public KeyRingCache(IGrainFactory grains, IActorStore store)
    {
        this.grains = grains;
        store.ActorChanged += (key, version) =>
        {
            if (key.ActorType == TenantGrain.TypeName) Evict(key.TenantId, version);
        };
    }

    public async ValueTask<KeyRing> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        if (rings.TryGetValue(tenantId, out var cached)) return cached;
        if (tenantId != TenantIds.Platform && !TenantIds.IsValidMerchantId(tenantId)) return KeyRing.Of(new Tenant(tenantId, new TenantState(), false), 0);
        var ring = (await grains.Tenant(tenantId).GetAsync().WaitAsync(cancellationToken)).KeyRing;
        Publish(ring);
        return ring;
    }

    /// <summary>Keeps the newest ring of each existing tenant (unknown tenants are not cached, so guessing costs no memory).</summary>
    public void Publish(KeyRing ring)
    {
        if (!ring.Exists) return;
        rings.AddOrUpdate(ring.TenantId, ring, (_, existing) => existing.Version > ring.Version ? existing : ring);
    }

    private void Evict(string tenantId, long version)
    {
        if (rings.TryGetValue(tenantId, out var cached) && cached.Version < version)
            rings.TryRemove(KeyValuePair.Create(tenantId, cached));
    }
}
