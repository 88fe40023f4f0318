using ReverseLogistics.Grains;
using System.Text.Json;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Actors;

/// <summary>
/// An actor whose state is persisted as JSON with a version check. Keep everything a turn
/// changes in <see cref="State"/>: after a failed turn or a version conflict the runtime reloads
/// <see cref="State"/> from the store (it does not recreate the instance or rerun activation).
/// </summary>
public abstract class Actor<TState> : Actor
    where TState : class, new()
{
    private long eventSequence;

    /// <summary>Loaded on activation; <c>new TState()</c> when the actor was never committed.</summary>
    protected TState State { get; private set; } = new();

    /// <summary>
    /// Persists the current <see cref="State"/>, appends <paramref name="events"/> and records
    /// <paramref name="idempotency"/>, all or nothing, if the stored version is still
    /// <see cref="Actor.Version"/>. Commit once, at the end of the turn: a turn whose only commit
    /// hits a version conflict is rerun on fresh state; one that already committed is not.
    /// </summary>
    /// <exception cref="ActorConflictException">Another activation committed first.</exception>
    /// <exception cref="DuplicateRequestException">The idempotency record's request id was already used.</exception>
    /// <param name="index">The actor's searchable attributes after this turn, replacing the stored ones; null leaves them.</param>
    protected async Task CommitAsync(
        IReadOnlyList<NewEvent> events, IdempotencyRecord? idempotency = null, IReadOnlyList<IndexEntry>? index = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var state = JsonSerializer.Serialize(State, DomainJson.Options);
        var commit = new ActorCommit(Key, Version, eventSequence, state, events, idempotency, index);
        CommitResult result;
        try
        {
            result = await Store.CommitAsync(commit, cancellationToken);
        }
        catch
        {
            IsStale = true; // the outcome is unknown
            throw;
        }

        switch (result.Outcome)
        {
            case CommitOutcome.Committed:
                Version = result.Version;
                eventSequence = result.EventSequence;
                CommittedThisTurn = true;
                return;
            case CommitOutcome.VersionConflict:
                IsStale = true;
                ConflictedThisTurn = true;
                throw new ActorConflictException(Key, Version);
            case CommitOutcome.DuplicateRequest when idempotency is not null:
                IsStale = true;
                throw new DuplicateRequestException(Key, idempotency.RequestId);
            default:
                IsStale = true;
                throw new InvalidOperationException($"The store answered {result.Outcome} to a commit of {Key}.");
        }
    }

    internal sealed override async Task LoadAsync(CancellationToken cancellationToken)
    {
        var record = await Store.ReadAsync(Key, cancellationToken);
        State = record is null
            ? new TState()
            : JsonSerializer.Deserialize<TState>(record.State, DomainJson.Options)
                ?? throw new InvalidDataException($"The stored state of {Key} is null.");
        Version = record?.Version ?? 0;
        eventSequence = record?.EventSequence ?? 0;
        IsStale = false;
    }
}
