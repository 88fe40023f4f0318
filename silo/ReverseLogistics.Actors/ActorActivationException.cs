using ReverseLogistics.Storage;

namespace ReverseLogistics.Actors;

/// <summary>The actor could not be created or its state loaded; the next message tries again.</summary>
public sealed class ActorActivationException(ActorKey key, Exception innerException)
    : Exception($"{key} could not be activated: {innerException.Message}", innerException)
{
    public ActorKey Key { get; } = key;
}
