using System.Collections.Concurrent;
using System.Reflection;
using Orleans;
using Orleans.Concurrency;

namespace ReverseLogistics.Grains;

/// <summary>What a grain call filter needs to know about a call, cached per method and per type (reflection is slow on every call).</summary>
internal static class GrainMethods
{
    private static readonly ConcurrentDictionary<MethodInfo, bool> readOnlyMethods = new();
    private static readonly ConcurrentDictionary<MethodInfo, bool> freshKeyMethods = new();
    private static readonly ConcurrentDictionary<Type, bool> immutableTypes = new();

    /// <summary>Declared <see cref="ReadOnlyAttribute"/>: the call does not change the grain's state.</summary>
    public static bool IsReadOnly(MethodInfo method) =>
        readOnlyMethods.GetOrAdd(method, m => m.IsDefined(typeof(ReadOnlyAttribute), inherit: true));

    /// <summary>Declared <see cref="FreshKeyAttribute"/>: the call is made on a key minted for it.</summary>
    public static bool IsOnFreshKey(MethodInfo method) =>
        freshKeyMethods.GetOrAdd(method, m => m.IsDefined(typeof(FreshKeyAttribute), inherit: true));

    /// <summary>A result Orleans passes to a caller on the same silo by reference, not as a copy.</summary>
    public static bool CrossesUncopied(object? result) =>
        result is not null && immutableTypes.GetOrAdd(result.GetType(), type =>
            type.IsDefined(typeof(ImmutableAttribute), inherit: false)
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Immutable<>)));
}
