using ReverseLogistics.Actors;
using ReverseLogistics.Tests.Actors.Support;

namespace ReverseLogistics.Tests.Actors;

public sealed class ActivationTests
{
    [Fact]
    public async Task First_message_activates_the_actor_with_its_stored_state()
    {
        await using var host = new ActorTestHost();
        var key = ActorTestHost.CounterKey();
        await OtherNode.UpdateCounterAsync(host.Store, key, _ => 41);
        Assert.Equal(0, host.Runtime.ActivationCount);

        var (count, version, exists) = await host.Counter().AskAsync(a => Task.FromResult(a.Snapshot()));

        Assert.Equal((41, 1L, true), (count, version, exists));
        Assert.Equal(1, host.Runtime.ActivationCount);
        Assert.Equal([(key, 1L)], host.Probe.Activations);
        var activated = Assert.Single(host.Logger.Entries, e => e.Message.Contains("activated", StringComparison.Ordinal));
        Assert.Equal("counter", activated.Fields["ActorType"]);
        Assert.Equal("t1", activated.Fields["TenantId"]);
        Assert.Equal("c1", activated.Fields["ActorId"]);
    }

    [Fact]
    public async Task An_actor_never_committed_starts_from_new_state_at_version_zero()
    {
        await using var host = new ActorTestHost();

        var (count, version, exists) = await host.Counter().AskAsync(a => Task.FromResult(a.Snapshot()));
        await host.Counter().AskAsync(a => a.IncrementAsync());
        var afterCommit = await host.Counter().AskAsync(a => Task.FromResult(a.Snapshot()));

        Assert.Equal((0, 0L, false), (count, version, exists));
        Assert.Equal((1, 1L, true), afterCommit);
    }

    [Fact]
    public async Task A_failed_load_is_reported_to_its_caller_and_the_next_message_loads_again()
    {
        await using var host = new ActorTestHost();
        await OtherNode.UpdateCounterAsync(host.Store, ActorTestHost.CounterKey(), _ => 5);
        var cause = new IOException("disk unavailable");
        host.Store.FailNextRead(cause);

        var failed = host.Counter().AskAsync(a => a.GetAsync());
        var next = host.Counter().AskAsync(a => a.GetAsync()); // queued behind the failing activation

        var error = await Assert.ThrowsAsync<ActorActivationException>(() => failed);
        Assert.Same(cause, error.InnerException);
        Assert.Equal(ActorTestHost.CounterKey(), error.Key);
        Assert.Equal(5, await next);
        Assert.Single(host.Probe.Activations);
    }

    [Fact]
    public async Task Two_actor_types_with_one_key_are_separate_actors()
    {
        await using var host = new ActorTestHost();

        await host.Runtime.Get<CounterActor>("t1", "x").AskAsync(a => a.IncrementAsync());
        await host.Runtime.Get<CounterActor>("t2", "x").AskAsync(a => a.IncrementAsync(by: 7));

        Assert.Equal(1, await OtherNode.StoredCountAsync(host.Store, new("t1", "counter", "x")));
        Assert.Equal(7, await OtherNode.StoredCountAsync(host.Store, new("t2", "counter", "x")));
        Assert.Equal(2, host.Runtime.ActivationCount);
    }
}
