using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ReverseLogistics.Storage.GroupCommit;

/// <summary>
/// Group commit. Callers enqueue; one background loop takes whatever is queued (up to a bound)
/// and has the store write it as one transaction, one commit per savepoint, so a busy store
/// pays one fsync per batch instead of one per commit. Outcomes are delivered only after the
/// transaction committed; if it fails, every commit of the batch fails with its exception.
/// </summary>
internal sealed class CommitQueue : IAsyncDisposable
{
    private readonly Channel<PendingCommit> queue = Channel.CreateUnbounded<PendingCommit>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<PendingCommit>, Task> writeBatch;
    private readonly int maxBatchSize;
    private readonly ILogger logger;
    private readonly Task loop;
    private volatile bool stopping;
    private long transactionsCommitted;
    private long commitsWritten;

    /// <param name="writeBatch">
    /// Writes the batch in one transaction, recording each commit's outcome (or its own error,
    /// rolled back to its savepoint) on it; throws when the transaction itself fails.
    /// </param>
    public CommitQueue(Func<IReadOnlyList<PendingCommit>, Task> writeBatch, int maxBatchSize, ILogger logger)
    {
        this.writeBatch = writeBatch;
        this.maxBatchSize = maxBatchSize;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>How many batch transactions have committed: fewer than the commits when group commit works.</summary>
    public long TransactionsCommitted => Interlocked.Read(ref transactionsCommitted);

    /// <summary>How many commits those transactions carried (each commit's own error included).</summary>
    public long CommitsWritten => Interlocked.Read(ref commitsWritten);

    public Task<CommitResult> EnqueueAsync(ActorCommit commit, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<CommitResult>(cancellationToken);
        var pending = new PendingCommit(commit, cancellationToken);
        if (!queue.Writer.TryWrite(pending)) pending.Fail(Disposed());
        return pending.Task;
    }

    /// <summary>Lets the batch being written finish, then fails every commit still queued.</summary>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        stopping = true;
        await loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<PendingCommit>(maxBatchSize);
        while (!stopping && await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < maxBatchSize && queue.Reader.TryRead(out var pending))
            {
                if (pending.TryClaim()) batch.Add(pending);
            }
            if (batch.Count > 0) await WriteAsync(batch);
            batch.Clear();
        }
        while (queue.Reader.TryRead(out var pending)) pending.Fail(Disposed());
    }

    private async Task WriteAsync(List<PendingCommit> batch)
    {
        try
        {
            await writeBatch(batch);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Group commit of {Count} commits failed", batch.Count);
            foreach (var pending in batch) pending.Fail(exception);
            return;
        }
        Interlocked.Increment(ref transactionsCommitted);
        Interlocked.Add(ref commitsWritten, batch.Count);
        foreach (var pending in batch) pending.Deliver();
    }

    private static ObjectDisposedException Disposed() => new(nameof(IActorStore), "The store was disposed before this commit was written.");
}
