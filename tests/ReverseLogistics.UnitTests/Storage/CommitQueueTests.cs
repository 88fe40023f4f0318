using Microsoft.Extensions.Logging.Abstractions;
using ReverseLogistics.Storage;
using ReverseLogistics.Storage.GroupCommit;

namespace ReverseLogistics.UnitTests.Storage;

/// <summary>
/// The group-commit queue without a database: the batch writer is a stand-in that the tests
/// hold at a gate, so what is queued while a batch is being written is known exactly.
/// </summary>
public sealed class CommitQueueTests : IAsyncLifetime
{
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource firstBatchStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<List<string>> batches = [];
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));
    private Func<IReadOnlyList<PendingCommit>, Exception?> outcome = batch =>
    {
        foreach (var pending in batch) pending.Record(CommitOutcome.Committed);
        return null;
    };
    private CommitQueue queue = null!;

    public Task InitializeAsync()
    {
        queue = new CommitQueue(WriteBatchAsync, maxBatchSize: 4, NullLogger.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        gate.TrySetResult();
        await queue.DisposeAsync();
        timeout.Dispose();
    }

    [Fact]
    public async Task Commits_queued_behind_a_batch_are_written_together_within_the_bound()
    {
        var first = Enqueue("a0");
        await firstBatchStarted.Task.WaitAsync(timeout.Token);
        var rest = Enumerable.Range(1, 9).Select(i => Enqueue($"a{i}")).ToList();
        Assert.False(first.IsCompleted);

        gate.SetResult();

        Assert.Equal(new CommitResult(CommitOutcome.Committed, 1, 0), await first);
        await Task.WhenAll(rest);
        Assert.Equal([["a0"], ["a1", "a2", "a3", "a4"], ["a5", "a6", "a7", "a8"], ["a9"]], batches);
        Assert.Equal(4, queue.TransactionsCommitted);
    }

    [Fact]
    public async Task A_batch_whose_transaction_fails_fails_every_commit_in_it()
    {
        var failure = new InvalidOperationException("connection lost");
        outcome = _ => failure;
        var writing = Enqueue("writing");
        await firstBatchStarted.Task.WaitAsync(timeout.Token);
        var commits = new[] { writing, Enqueue("a"), Enqueue("b") };

        gate.SetResult();

        foreach (var commit in commits) Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => commit));
        Assert.Equal(0, queue.TransactionsCommitted);
    }

    [Fact]
    public async Task A_commit_cancelled_while_queued_is_never_written()
    {
        var writing = Enqueue("writing");
        await firstBatchStarted.Task.WaitAsync(timeout.Token);
        using var cancellation = new CancellationTokenSource();
        var cancelled = Enqueue("cancelled", cancellation.Token);
        var kept = Enqueue("kept");

        await cancellation.CancelAsync();
        gate.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await Task.WhenAll(writing, kept);
        Assert.DoesNotContain("cancelled", batches.SelectMany(batch => batch));
    }

    [Fact]
    public async Task Disposing_finishes_the_batch_being_written_and_fails_the_queued_ones()
    {
        var writing = Enqueue("writing");
        await firstBatchStarted.Task.WaitAsync(timeout.Token);
        var queued = Enqueue("queued");

        var disposing = queue.DisposeAsync().AsTask();
        gate.SetResult();
        await disposing.WaitAsync(timeout.Token);

        Assert.Equal(CommitOutcome.Committed, (await writing).Outcome);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Enqueue("late"));
    }

    private Task<CommitResult> Enqueue(string id, CancellationToken cancellationToken = default) =>
        queue.EnqueueAsync(new ActorCommit(new ActorKey("tenant", "return", id), 0, 0, "{}", []), cancellationToken);

    private async Task WriteBatchAsync(IReadOnlyList<PendingCommit> batch)
    {
        batches.Add([.. batch.Select(pending => pending.Commit.Key.Id)]);
        firstBatchStarted.TrySetResult();
        await gate.Task;
        if (outcome(batch) is { } failure) throw failure;
    }
}
