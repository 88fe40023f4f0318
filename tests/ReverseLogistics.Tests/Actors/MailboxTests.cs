using ReverseLogistics.Tests.Actors.Support;

namespace ReverseLogistics.Tests.Actors;

public sealed class MailboxTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_full_mailbox_makes_senders_wait_and_a_waiting_sender_can_cancel()
    {
        await using var host = new ActorTestHost(options => options.MailboxCapacity = 1);
        var counter = host.Counter();
        var ran = new List<string>(); // touched only inside turns
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocking = counter.AskAsync(async _ => { ran.Add("blocking"); started.SetResult(); await release.Task; });
        await started.Task;
        var queued = counter.AskAsync(_ => { ran.Add("queued"); return Task.CompletedTask; });
        using var cancellation = new CancellationTokenSource();

        var waiting = counter.AskAsync(_ => { ran.Add("cancelled"); return Task.CompletedTask; }, cancellation.Token);
        var patient = counter.AskAsync(_ => { ran.Add("patient"); return Task.CompletedTask; });

        Assert.Equal(1, host.Runtime.QueuedCount(counter.Key)); // the queue did not grow past its capacity
        Assert.False(waiting.IsCompleted);
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        release.SetResult();
        await Task.WhenAll(blocking, queued, patient);
        Assert.Equal(["blocking", "queued", "patient"], ran);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_queued_message_whose_caller_cancels_is_dropped()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocking = counter.AskAsync(async a => { started.SetResult(); await release.Task; return await a.IncrementAsync(); });
        await started.Task;
        using var cancellation = new CancellationTokenSource();
        var queued = counter.AskAsync(a => a.IncrementAsync(by: 100), cancellation.Token);

        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued); // before the blocking turn ends
        release.SetResult();
        Assert.Equal(1, await blocking);
        Assert.Equal(2, await counter.AskAsync(a => a.IncrementAsync()));
    }
}
