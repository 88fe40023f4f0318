using Orleans;
namespace ReverseLogistics.Grains.Errors;

/// <summary>
/// The grain's state was committed by another activation first (possible only while cluster membership
/// settles after a failure). The grain has reloaded; the call changed nothing and may be retried (ABORTED).
/// </summary>
[GenerateSerializer]
public sealed class ConcurrentChangeException(string message) : Exception(message);
