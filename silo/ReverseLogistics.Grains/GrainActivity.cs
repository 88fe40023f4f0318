using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace ReverseLogistics.Grains;

/// <summary>What this silo's store-backed grains did, for operators' metrics: activations now, calls by grain type.</summary>
public sealed class GrainActivity
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> callsByType = new();
    private long activations;

    public long Activations => Interlocked.Read(ref activations);

    /// <summary>Calls handled since start (failed ones included), by the grain's type in the store.</summary>
    public IReadOnlyDictionary<string, long> CallsByType =>
        callsByType.ToDictionary(entry => entry.Key, entry => Interlocked.Read(ref entry.Value.Value));

    internal void Activated() => Interlocked.Increment(ref activations);

    internal void Deactivated() => Interlocked.Decrement(ref activations);

    internal void Called(string grainType) =>
        Interlocked.Increment(ref callsByType.GetOrAdd(grainType, static _ => new StrongBox<long>()).Value);
}
