using ReverseLogistics.Storage;

namespace ReverseLogistics.Actors;

/// <summary>Another activation of the actor committed first (the gRPC layer answers ABORTED).</summary>
public sealed class ActorConflictException(ActorKey key, long expectedVersion)
    : Exception($"{key} was committed by another activation: version {expectedVersion} is stale.")
{
    public ActorKey Key { get; } = key;
}
