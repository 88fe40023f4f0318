using ReverseLogistics.Actors;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Tests.Actors.Support;

/// <summary>The test actor: a persisted counter that reports its turns and lifecycle to a <see cref="TurnProbe"/>.</summary>
public sealed class CounterActor(TurnProbe probe) : Actor<CounterState>, IActor
{
    public static string TypeName => "counter";

    public (int Count, long Version, bool Exists) Snapshot() => (State.Count, Version, Exists);

    public Task<int> GetAsync() => Task.FromResult(State.Count);

    public async Task<int> IncrementAsync(int by = 1, string? requestId = null)
    {
        using var turn = probe.EnterTurn();
        State.Count += by;
        await Task.Yield(); // a real await inside the turn: no other turn may run meanwhile
        var at = Time.GetUtcNow().UtcDateTime;
        var request = requestId is null ? null : new IdempotencyRecord(Key.TenantId, requestId, "Increment", $"by={by}", [], at);
        await CommitAsync([new NewEvent("Incremented", $$"""{"by":{{by}}}""", "test", at)], request);
        return State.Count;
    }

    /// <summary>Changes State, then fails without committing.</summary>
    public async Task<int> FailAfterMutatingAsync(Exception exception)
    {
        State.Count += 100;
        await Task.Yield();
        throw exception;
    }

    protected override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Activations.Enqueue((Key, Version));
        return Task.CompletedTask;
    }

    protected override Task OnDeactivateAsync() => probe.DeactivatingAsync(Key);
}
