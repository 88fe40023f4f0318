namespace ReverseLogistics.Storage.GroupCommit;

/// <summary>
/// One caller's commit, queued for or being written in a group-commit batch. The caller's
/// cancellation wins only while the commit is still queued: once a batch has claimed it, the
/// commit may be written, so the caller waits for the real outcome.
/// </summary>
internal sealed class PendingCommit
{
    private const int Queued = 0, Claimed = 1, Cancelled = 2;

    private readonly TaskCompletionSource<CommitResult> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration cancellation;
    private int state;
    private CommitOutcome outcome;
    private Exception? error;

    public PendingCommit(ActorCommit commit, CancellationToken cancellationToken)
    {
        Commit = commit;
        cancellation = cancellationToken.Register(() =>
        {
            if (Interlocked.CompareExchange(ref state, Cancelled, Queued) == Queued) completion.TrySetCanceled(cancellationToken);
        });
    }

    public ActorCommit Commit { get; }

    public Task<CommitResult> Task => completion.Task;

    /// <summary>Takes the commit into a batch; false when its caller has already cancelled it.</summary>
    public bool TryClaim() => Interlocked.CompareExchange(ref state, Claimed, Queued) == Queued;

    /// <summary>Notes the commit's outcome within its batch; the caller learns it from <see cref="Deliver"/>.</summary>
    public void Record(CommitOutcome outcome) => this.outcome = outcome;

    /// <summary>Notes the error that rolled back this commit alone; the caller gets it from <see cref="Deliver"/>.</summary>
    public void RecordError(Exception error) => this.error = error;

    /// <summary>Completes the caller's task with what was recorded, once the batch's transaction has committed.</summary>
    public void Deliver()
    {
        cancellation.Dispose();
        if (error is not null)
        {
            completion.TrySetException(error);
        }
        else if (outcome == CommitOutcome.Committed)
        {
            completion.TrySetResult(new CommitResult(outcome, Commit.ExpectedVersion + 1, Commit.ExpectedEventSequence + Commit.Events.Count));
        }
        else
        {
            completion.TrySetResult(new CommitResult(outcome, 0, 0));
        }
    }

    /// <summary>Fails the caller's task: its batch did not commit, or the store was disposed first.</summary>
    public void Fail(Exception exception)
    {
        cancellation.Dispose();
        completion.TrySetException(exception);
    }
}
