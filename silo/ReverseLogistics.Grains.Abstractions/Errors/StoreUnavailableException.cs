using Orleans;

namespace ReverseLogistics.Grains.Errors;

/// <summary>The store of record could not be reached during a grain call (UNAVAILABLE: the request id makes a retry safe).</summary>
[GenerateSerializer]
public sealed class StoreUnavailableException(string message) : Exception(message);
