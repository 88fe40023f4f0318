using System.Collections.Concurrent;
using ReverseLogistics.Storage;

namespace ReverseLogistics.Tests.Actors.Support;

/// <summary>A service the test actors report to: overlapping turns, activations, deactivations.</summary>
public sealed class TurnProbe
{
    private int inside;
    private int maxInside;
    private TaskCompletionSource deactivationGate = Completed();

    public int MaxConcurrentTurns => Volatile.Read(ref maxInside);

    public ConcurrentQueue<(ActorKey Key, long Version)> Activations { get; } = new();

    public ConcurrentQueue<ActorKey> Deactivations { get; } = new();

    /// <summary>Completes when an OnDeactivateAsync has started.</summary>
    public TaskCompletionSource DeactivationStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IDisposable EnterTurn()
    {
        var now = Interlocked.Increment(ref inside);
        int max;
        while (now > (max = Volatile.Read(ref maxInside)) && Interlocked.CompareExchange(ref maxInside, now, max) != max)
        {
        }

        return new Exit(this);
    }

    /// <summary>Makes OnDeactivateAsync wait until <see cref="ReleaseDeactivation"/>.</summary>
    public void HoldDeactivation() => deactivationGate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReleaseDeactivation() => deactivationGate.TrySetResult();

    public async Task DeactivatingAsync(ActorKey key)
    {
        DeactivationStarted.TrySetResult();
        await deactivationGate.Task;
        Deactivations.Enqueue(key);
    }

    private static TaskCompletionSource Completed()
    {
        var completed = new TaskCompletionSource();
        completed.SetResult();
        return completed;
    }

    private sealed class Exit(TurnProbe probe) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref probe.inside);
    }
}
