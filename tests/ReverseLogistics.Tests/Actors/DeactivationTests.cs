using ReverseLogistics.Tests.Actors.Support;

namespace ReverseLogistics.Tests.Actors;

public sealed class DeactivationTests
{
    [Fact]
    public async Task An_idle_actor_is_deactivated_and_reactivated_with_its_state()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();
        for (var i = 0; i < 3; i++) await counter.AskAsync(a => a.IncrementAsync());

        host.Time.Advance(host.Options.IdleTimeout + TimeSpan.FromSeconds(1));
        await host.Runtime.DeactivateIdleAsync();

        Assert.Equal(0, host.Runtime.ActivationCount);
        Assert.Equal([counter.Key], host.Probe.Deactivations);
        Assert.Equal(3, await counter.AskAsync(a => a.GetAsync()));
        Assert.Equal([0L, 3L], host.Probe.Activations.Select(a => a.Version));
    }

    [Fact]
    public async Task An_actor_used_within_the_idle_timeout_stays_active()
    {
        await using var host = new ActorTestHost();
        await host.Counter().AskAsync(a => a.IncrementAsync());
        host.Time.Advance(host.Options.IdleTimeout - TimeSpan.FromSeconds(1));
        await host.Counter().AskAsync(a => a.IncrementAsync());
        host.Time.Advance(TimeSpan.FromSeconds(2)); // idle since the second message: 2 s

        Assert.Equal(0, await host.Runtime.DeactivateIdleAsync());
        Assert.Equal(1, host.Runtime.ActivationCount);
    }

    [Fact(Timeout = 60_000)]
    public async Task An_actor_in_a_long_turn_is_not_deactivated()
    {
        await using var host = new ActorTestHost();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turn = host.Counter().AskAsync(async a => { started.SetResult(); await release.Task; return await a.IncrementAsync(); });
        await started.Task;

        host.Time.Advance(host.Options.IdleTimeout * 3);

        Assert.Equal(0, await host.Runtime.DeactivateIdleAsync());
        Assert.Equal(1, host.Runtime.ActivationCount);
        release.SetResult();
        Assert.Equal(1, await turn);
        Assert.Empty(host.Probe.Deactivations);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_message_arriving_during_deactivation_is_served_by_a_new_activation()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();
        await counter.AskAsync(a => a.IncrementAsync());
        host.Probe.HoldDeactivation();
        host.Time.Advance(host.Options.IdleTimeout + TimeSpan.FromSeconds(1));

        var scan = host.Runtime.DeactivateIdleAsync();
        await host.Probe.DeactivationStarted.Task; // the old activation is inside OnDeactivateAsync
        var racing = counter.AskAsync(a => a.IncrementAsync());
        Assert.False(racing.IsCompleted);
        host.Probe.ReleaseDeactivation();

        await scan;
        Assert.Equal(2, await racing);
        Assert.Equal([0L, 1L], host.Probe.Activations.Select(a => a.Version));
        Assert.Equal(1, host.Runtime.ActivationCount);
    }

    [Fact(Timeout = 60_000)]
    public async Task Messages_racing_idle_scans_are_never_lost()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();

        for (var expected = 1; expected <= 200; expected++)
        {
            host.Time.Advance(host.Options.IdleTimeout + TimeSpan.FromSeconds(1));
            var scan = Task.Run(() => host.Runtime.DeactivateIdleAsync());
            var increment = Task.Run(() => counter.AskAsync(a => a.IncrementAsync()));
            await scan;
            Assert.Equal(expected, await increment);
        }

        Assert.Equal(200, await OtherNode.StoredCountAsync(host.Store, counter.Key));
    }

    [Fact]
    public async Task The_runtime_timer_deactivates_idle_actors_on_its_own()
    {
        await using var host = new ActorTestHost();
        await host.Counter().AskAsync(a => a.IncrementAsync());

        host.Time.Advance(host.Options.IdleTimeout * 3); // fires the runtime's periodic timer

        Assert.Equal(0, await host.Runtime.DeactivateIdleAsync()); // waits for the timer's scan, which did the work
        Assert.Equal(0, host.Runtime.ActivationCount);
        Assert.Single(host.Probe.Deactivations);
    }

    [Fact(Timeout = 60_000)]
    public async Task Disposing_finishes_queued_turns_then_deactivates_and_refuses_new_messages()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = counter.AskAsync(async a => { started.SetResult(); await release.Task; return await a.IncrementAsync(); });
        await started.Task;
        var queued = counter.AskAsync(a => a.IncrementAsync());

        var disposing = host.Runtime.DisposeAsync().AsTask();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => counter.AskAsync(a => a.GetAsync()));
        Assert.False(disposing.IsCompleted);
        release.SetResult();
        await disposing;

        int[] counts = await Task.WhenAll(running, queued);
        Assert.Equal([1, 2], counts);
        Assert.Equal([counter.Key], host.Probe.Deactivations);
        Assert.Equal(0, host.Runtime.ActivationCount);
        Assert.False(host.Store.HasChangeSubscribers);
    }

    [Fact(Timeout = 60_000)]
    public async Task Disposing_serves_senders_still_waiting_on_a_full_mailbox()
    {
        await using var host = new ActorTestHost(options => options.MailboxCapacity = 1);
        var counter = host.Counter();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = counter.AskAsync(async a => { started.SetResult(); await release.Task; return await a.IncrementAsync(); });
        await started.Task;
        var queued = counter.AskAsync(a => a.IncrementAsync());
        var waiting = counter.AskAsync(a => a.IncrementAsync()); // accepted, but the mailbox is full

        var disposing = host.Runtime.DisposeAsync().AsTask();
        release.SetResult();
        await disposing;

        int[] counts = await Task.WhenAll(running, queued, waiting);
        Assert.Equal([1, 2, 3], counts);
        Assert.Equal(3, await OtherNode.StoredCountAsync(host.Store, counter.Key));
    }
}
