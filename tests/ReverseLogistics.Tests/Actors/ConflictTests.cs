using ReverseLogistics.Actors;
using ReverseLogistics.Tests.Actors.Support;

namespace ReverseLogistics.Tests.Actors;

public sealed class ConflictTests
{
    [Fact(Timeout = 60_000)]
    public async Task A_turn_that_loses_a_version_race_to_another_node_is_rerun_on_fresh_state()
    {
        await using var host = new ActorTestHost();
        var node2 = host.NewNode(new TurnProbe());
        var onNode1 = host.Counter();
        var onNode2 = node2.Get<CounterActor>("t1", "c1");
        await onNode1.AskAsync(a => a.GetAsync());
        await onNode2.AskAsync(a => a.GetAsync()); // both nodes hold version 0
        var attempts = 0;
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var slow = onNode1.AskAsync(async a =>
        {
            if (++attempts == 1)
            {
                paused.SetResult();
                await resume.Task;
            }

            return await a.IncrementAsync();
        });
        await paused.Task;
        Assert.Equal(1, await onNode2.AskAsync(a => a.IncrementAsync()));
        resume.SetResult();

        Assert.Equal(2, await slow);
        Assert.Equal(2, attempts);
        Assert.Equal(1, host.Store.Conflicts);
        Assert.Equal(2, await OtherNode.StoredCountAsync(host.Store, onNode1.Key));
    }

    [Fact(Timeout = 60_000)]
    public async Task Two_nodes_incrementing_one_actor_count_every_acknowledged_increment_exactly_once()
    {
        await using var host = new ActorTestHost();
        var nodes = new[] { host.Runtime, host.NewNode(new TurnProbe()) };
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<int>();
        var conflicted = 0;

        var callers = Enumerable.Range(0, 8).Select(caller => Task.Run(async () =>
        {
            var counter = nodes[caller % 2].Get<CounterActor>("t1", "shared");
            for (var i = 0; i < 50; i++)
            {
                try
                {
                    acknowledged.Add(await counter.AskAsync(a => a.IncrementAsync()));
                }
                catch (ActorConflictException)
                {
                    Interlocked.Increment(ref conflicted);
                }
            }
        }));
        await Task.WhenAll(callers);

        var stored = await OtherNode.StoredCountAsync(host.Store, ActorTestHost.CounterKey("shared"));
        Assert.Equal(400, acknowledged.Count + conflicted);
        Assert.Equal(acknowledged.Count, stored);
        Assert.Equal(Enumerable.Range(1, stored), acknowledged.Order()); // each acknowledged increment got its own count
    }

    [Fact]
    public async Task When_conflict_retries_run_out_the_caller_gets_ActorConflictException()
    {
        await using var host = new ActorTestHost(options => options.MaxConflictRetries = 2);
        var counter = host.Counter();
        var attempts = 0;

        var conflict = await Assert.ThrowsAsync<ActorConflictException>(() => counter.AskAsync(async a =>
        {
            attempts++;
            await OtherNode.UpdateCounterAsync(host.Store, counter.Key, count => count + 10); // another node always wins
            return await a.IncrementAsync();
        }));

        Assert.Equal(counter.Key, conflict.Key);
        Assert.Equal(3, attempts); // the first run and two retries
        Assert.Equal(30, await counter.AskAsync(a => a.GetAsync()));
    }

    [Fact]
    public async Task A_turn_that_already_committed_is_not_rerun_after_a_later_conflict()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();
        var attempts = 0;

        await Assert.ThrowsAsync<ActorConflictException>(() => counter.AskAsync(async a =>
        {
            attempts++;
            await a.IncrementAsync();
            await OtherNode.UpdateCounterAsync(host.Store, counter.Key, count => count + 10);
            return await a.IncrementAsync();
        }));

        Assert.Equal(1, attempts);
        Assert.Equal(11, await counter.AskAsync(a => a.GetAsync()));
    }

    [Fact]
    public async Task A_change_notification_from_another_node_makes_a_stale_activation_reload()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();
        await counter.AskAsync(a => a.IncrementAsync());
        var newVersion = await OtherNode.UpdateCounterAsync(host.Store, counter.Key, _ => 10);
        Assert.Equal(1, await counter.AskAsync(a => a.GetAsync())); // not notified: still the state it loaded

        host.Store.RaiseActorChanged(counter.Key, 1); // not newer than what it holds
        var readsBefore = host.Store.Reads;
        Assert.Equal(1, await counter.AskAsync(a => a.GetAsync()));
        Assert.Equal(readsBefore, host.Store.Reads);

        host.Store.RaiseActorChanged(counter.Key, newVersion);
        Assert.Equal(10, await counter.AskAsync(a => a.GetAsync()));
        Assert.Equal(11, await counter.AskAsync(a => a.IncrementAsync()));
    }
}
