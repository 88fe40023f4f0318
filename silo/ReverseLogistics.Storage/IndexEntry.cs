namespace ReverseLogistics.Storage;

/// <summary>
/// One searchable attribute of an actor ("status" = "approved", "order_ref" = "SO-1042"), written
/// with its state by <see cref="ActorCommit.Index"/> and found with <see cref="IActorStore.FindAsync"/>.
/// Name and value are non-empty and at most 256 characters; an actor may hold several values under one name.
/// </summary>
public sealed record IndexEntry(string Name, string Value);
