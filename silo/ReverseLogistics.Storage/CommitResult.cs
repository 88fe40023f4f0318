namespace ReverseLogistics.Storage;

public enum CommitOutcome
{
    /// <summary>Everything was written.</summary>
    Committed,
    /// <summary>The stored version was not the expected one: nothing was written.</summary>
    VersionConflict,
    /// <summary>An idempotency record for this tenant and request id already exists: nothing was written.</summary>
    DuplicateRequest,
}

/// <summary>The outcome of a commit and, when committed, the actor's new version and last event sequence.</summary>
public sealed record CommitResult(CommitOutcome Outcome, long Version, long EventSequence);
