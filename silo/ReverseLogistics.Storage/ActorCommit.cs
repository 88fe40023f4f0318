namespace ReverseLogistics.Storage;

/// <summary>
/// Everything one actor turn writes, committed atomically: the new state (only if the stored
/// version is still <see cref="ExpectedVersion"/>; 0 means the actor does not exist yet), the
/// events it appends (sequence numbers continue from <see cref="ExpectedEventSequence"/>, which
/// must also still be the stored one, and is 0 on creation), and optionally the idempotency
/// record of the request that caused it. <see cref="Index"/>, when not null, replaces all of
/// the actor's searchable entries (an empty list removes them); null leaves them as they are.
/// Repeating an entry (same name and value) stores it once. <see cref="Counters"/> move the actor's tenant's counters
/// in the same transaction, only if the commit itself is written: a commit that loses (version conflict, duplicate
/// request, its own error) moves none. Several deltas to one counter add up.
/// </summary>
public sealed record ActorCommit(
    ActorKey Key,
    long ExpectedVersion,
    long ExpectedEventSequence,
    string State,
    IReadOnlyList<NewEvent> Events,
    IdempotencyRecord? Idempotency = null,
    IReadOnlyList<IndexEntry>? Index = null,
    IReadOnlyList<CounterDelta>? Counters = null);
