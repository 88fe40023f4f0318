using ReverseLogistics.Actors;
using ReverseLogistics.Tests.Actors.Support;

namespace ReverseLogistics.Tests.Actors;

public sealed class TurnTests
{
    [Fact(Timeout = 60_000)]
    public async Task Concurrent_callers_on_one_actor_are_served_one_turn_at_a_time()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();

        var callers = Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 20; i++) await counter.AskAsync(a => a.IncrementAsync());
        }));
        await Task.WhenAll(callers);

        Assert.Equal(1000, await counter.AskAsync(a => a.GetAsync()));
        Assert.Equal(1000, await OtherNode.StoredCountAsync(host.Store, counter.Key));
        Assert.Equal(1, host.Probe.MaxConcurrentTurns); // increments await inside the turn, yet never overlap
    }

    [Fact]
    public async Task Messages_from_one_caller_run_in_arrival_order()
    {
        await using var host = new ActorTestHost();
        var order = new List<int>(); // touched only inside turns

        var replies = Enumerable.Range(0, 100).Select(i => host.Counter().AskAsync(async a =>
        {
            await Task.Yield();
            order.Add(i);
        })).ToList();
        await Task.WhenAll(replies);

        Assert.Equal(Enumerable.Range(0, 100), order);
    }

    [Fact(Timeout = 60_000)]
    public async Task Different_actors_run_their_turns_concurrently()
    {
        await using var host = new ActorTestHost();
        var aStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Each turn waits for the other to have started: this completes only if both run at once.
        var a = host.Counter("a").AskAsync(async _ => { aStarted.SetResult(); await bStarted.Task; return "a"; });
        var b = host.Counter("b").AskAsync(async _ => { bStarted.SetResult(); await aStarted.Task; return "b"; });

        string[] finished = await Task.WhenAll(a, b);
        Assert.Equal(["a", "b"], finished);
    }

    [Fact]
    public async Task A_turn_that_throws_after_changing_state_leaves_the_next_turn_the_persisted_state()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();
        await counter.AskAsync(a => a.IncrementAsync());
        var domainError = new InvalidOperationException("return is already closed");
        var readsBefore = host.Store.Reads;

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => counter.AskAsync(a => a.FailAfterMutatingAsync(domainError)));

        Assert.Same(domainError, thrown);
        Assert.Equal(1, await counter.AskAsync(a => a.GetAsync()));
        Assert.Equal(readsBefore + 1, host.Store.Reads); // reloaded once, before the next turn
        Assert.Equal(2, await counter.AskAsync(a => a.IncrementAsync()));
    }

    [Fact]
    public async Task A_reused_request_id_surfaces_as_DuplicateRequestException_and_changes_nothing()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();
        Assert.Equal(1, await counter.AskAsync(a => a.IncrementAsync(requestId: "r-1")));

        var duplicate = await Assert.ThrowsAsync<DuplicateRequestException>(() => counter.AskAsync(a => a.IncrementAsync(requestId: "r-1")));

        Assert.Equal("r-1", duplicate.RequestId);
        Assert.Equal(counter.Key, duplicate.Key);
        Assert.Equal(1, await counter.AskAsync(a => a.GetAsync()));
        Assert.Equal(1, await OtherNode.StoredCountAsync(host.Store, counter.Key));
        Assert.NotNull(await host.Store.FindRequestAsync("t1", "r-1", CancellationToken.None));
    }

    [Fact]
    public async Task Events_continue_the_actor_stream_across_commits_and_reactivations()
    {
        await using var host = new ActorTestHost();
        var counter = host.Counter();
        await counter.AskAsync(a => a.IncrementAsync());
        await counter.AskAsync(a => a.IncrementAsync(by: 2));
        host.Time.Advance(host.Options.IdleTimeout * 3);
        await host.Runtime.DeactivateIdleAsync();
        await counter.AskAsync(a => a.IncrementAsync(by: 3));

        var stream = await host.Store.ReadStreamAsync(counter.Key, 0, 10, CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], stream.Select(e => e.Sequence));
        Assert.Equal(["""{"by":1}""", """{"by":2}""", """{"by":3}"""], stream.Select(e => e.Data));
        Assert.Equal(2, host.Probe.Activations.Count);
    }
}
