namespace ReverseLogistics.Storage;

/// <summary>
/// A change to one of the committing actor's tenant's counters (<see cref="ActorCommit.Counters"/>): the counter
/// <see cref="Name"/>/<see cref="Key"/> moves by <see cref="Delta"/>, which may be negative. A counter never written
/// reads as absent; one moved back to 0 stays, at 0. The name is non-empty and at most 64 characters, the key
/// non-empty and at most 1,024 bytes of UTF-8; neither holds NUL.
/// </summary>
public sealed record CounterDelta(string Name, string Key, long Delta);
