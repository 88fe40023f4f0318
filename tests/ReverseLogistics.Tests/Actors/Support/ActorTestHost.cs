using Microsoft.Extensions.DependencyInjection;
using ReverseLogistics.Actors;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Tests.Actors.Support;

/// <summary>A runtime over an in-memory store and a manual clock; <see cref="NewNode"/> adds a second node on the same store.</summary>
public sealed class ActorTestHost : IAsyncDisposable
{
    private readonly List<ActorRuntime> runtimes = [];

    public ActorTestHost(Action<ActorRuntimeOptions>? configure = null)
    {
        configure?.Invoke(Options);
        Runtime = NewNode(Probe);
    }

    public InMemoryActorStore Store { get; } = new();

    public ManualTimeProvider Time { get; } = new();

    public ActorRuntimeOptions Options { get; } = new();

    public TurnProbe Probe { get; } = new();

    public ListLogger<ActorRuntime> Logger { get; } = new();

    public ActorRuntime Runtime { get; }

    public ActorRef<CounterActor> Counter(string id = "c1") => Runtime.Get<CounterActor>("t1", id);

    public static ActorKey CounterKey(string id = "c1") => new("t1", CounterActor.TypeName, id);

    public ActorRuntime NewNode(TurnProbe probe)
    {
        var services = new ServiceCollection().AddSingleton(probe).BuildServiceProvider();
        var runtime = new ActorRuntime(Store, services, Options, Time, Logger);
        runtimes.Add(runtime);
        return runtime;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var runtime in runtimes) await runtime.DisposeAsync();
    }
}
