namespace ReverseLogistics.Silo.Idempotency;

/// <summary>How <see cref="IdempotentRequests"/> finds that a request already ran.</summary>
public enum RepeatCheck
{
    /// <summary>
    /// Reads the request's record before running the mutation: for mutations that act on other grains before their
    /// commit, which a repeat must not do again.
    /// </summary>
    BeforeRunning,

    /// <summary>
    /// Runs the mutation and lets its commit find the request id taken (one store round trip fewer): for mutations
    /// whose repeat leaves nothing behind but a failed commit.
    /// </summary>
    AtCommit,
}
