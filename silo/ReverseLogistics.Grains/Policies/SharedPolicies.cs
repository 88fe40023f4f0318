using System.Collections.Concurrent;
using System.Text.Json;
using ReverseLogistics.Domain.Policies;

namespace ReverseLogistics.Grains.Policies;

/// <summary>
/// One instance per distinct policy on this silo. Every return keeps the policy it was created under; loaded from the
/// store, each active return of a tenant would hold its own equal copy, about 2 KB or a fifth of an active return
/// (docs/performance.md, "Memory"). Policies are never changed in place (a new revision is a new instance), so sharing
/// one is safe.
/// </summary>
public sealed class SharedPolicies
{
    /// <summary>Beyond this many distinct policies, further ones are not shared (and not remembered).</summary>
    public const int MaxDistinct = 10_000;

    private readonly ConcurrentDictionary<string, ReturnPolicy> instances = new(StringComparer.Ordinal);

    /// <summary>The shared instance equal to <paramref name="policy"/>: the first one seen, or this one.</summary>
    public ReturnPolicy Share(ReturnPolicy policy)
    {
        var json = JsonSerializer.Serialize(policy, DomainJson.Options);
        if (instances.TryGetValue(json, out var shared)) return shared;
        return instances.Count < MaxDistinct ? instances.GetOrAdd(json, policy) : policy;
    }
}
