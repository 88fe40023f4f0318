namespace ReverseLogistics.Storage;

/// <summary>
/// An actor's persisted state. <see cref="Version"/> increases by one with every commit and is
/// the optimistic-concurrency check; <see cref="EventSequence"/> is the sequence number of the
/// last event in the actor's stream (0 when it has none).
/// </summary>
public sealed record ActorRecord(long Version, string State, long EventSequence);
