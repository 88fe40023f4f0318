namespace ReverseLogistics.Storage;

/// <summary>One counter as <see cref="IActorStore.ReadCountersAsync"/> found it: its tenant, its key and the sum of every delta applied.</summary>
public readonly record struct CounterValue(string TenantId, string Key, long Value);
