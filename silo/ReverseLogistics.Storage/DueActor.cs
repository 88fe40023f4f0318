namespace ReverseLogistics.Storage;

/// <summary>An actor found by <see cref="IActorStore.FindDueAsync"/>, and the instant it fell due.</summary>
public sealed record DueActor(ActorKey Key, DateTime DueAt);
