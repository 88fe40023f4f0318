namespace ReverseLogistics.Storage;

/// <summary>One counter as <see cref="IActorStore.ReadCountersAsync"/> found it: its tenant, its key and the sum of every delta applied.</summary>
public sealed record CounterValue(string TenantId, string Key, long Value);
